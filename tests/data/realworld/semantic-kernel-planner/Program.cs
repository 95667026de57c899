using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Graph;
using Microsoft.SemanticKernel;

var config = new ConfigurationBuilder().AddJsonFile("appsettings.json").AddEnvironmentVariables().Build();

var credential = new ClientSecretCredential(
    config["entra:tenantId"], config["entra:clientId"], config["entra:clientSecret"]);
var graph = new GraphServiceClient(credential, new[] { "https://graph.microsoft.com/.default" });

var builder = Kernel.CreateBuilder();
builder.AddAzureOpenAIChatCompletion(
    config["azureOpenAI:chatDeploymentName"]!, config["azureOpenAI:endpoint"]!, config["azureOpenAI:apiKey"]!);
var kernel = builder.Build();
kernel.ImportPluginFromObject(new CalendarPlugin(graph), "calendar");

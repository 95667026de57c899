// Leave-balance assistant for Teams: each employee signs in once through the bot's OAuth connection
// ("HrGraphConnection" on the Azure Bot resource), and the bot reads that person's own calendar and
// mailbox settings with the token the Bot Service hands back. Nothing here calls Graph as the app.
using LeaveBot;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Teams.AI;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();

var settings = builder.Configuration.Get<LeaveBotSettings>()!;
builder.Configuration["MicrosoftAppType"] = "SingleTenant";
builder.Configuration["MicrosoftAppId"] = settings.BOT_ID;
builder.Configuration["MicrosoftAppPassword"] = settings.BOT_PASSWORD;
builder.Configuration["MicrosoftAppTenantId"] = settings.BOT_TENANT;

builder.Services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
builder.Services.AddSingleton<TeamsAdapter, ErrorReportingAdapter>();
builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetService<TeamsAdapter>()!);
builder.Services.AddSingleton<IStorage, MemoryStorage>();

builder.Services.AddTransient<IBot>(sp =>
{
    var adapter = sp.GetService<TeamsAdapter>()!;
    var auth = new AuthenticationOptions<LeaveState>();
    auth.AddAuthentication("hr-graph", new OAuthSettings
    {
        ConnectionName = settings.OAUTH_CONNECTION_NAME,
        Title = "Sign in to check your leave",
        Text = "Sign in with your work account so I can read your calendar.",
        EnableSso = true,
    });

    var app = new ApplicationBuilder<LeaveState>()
        .WithStorage(sp.GetService<IStorage>()!)
        .WithAuthentication(adapter, auth)
        .Build();

    app.OnMessage("/balance", async (context, state, ct) =>
    {
        var token = state.Temp.AuthTokens["hr-graph"];
        var days = await LeaveCalendar.RemainingDaysAsync(token, ct);
        await context.SendActivityAsync($"You have {days} days of leave left this year.", cancellationToken: ct);
    });
    return app;
});

var web = builder.Build();
web.UseRouting();
web.MapControllers();
web.Run();

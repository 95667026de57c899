public class Script : ScriptBase
{
    // The sign-in flows the Deskhand orchestrator accepts, as its API spells them.
    private const string OAuth_2_0_Client_Credentials = "OAuth_2.0_Client_Credentials";
    private const string Api_Key = "Api.Key";

    public override async Task<HttpResponseMessage> ExecuteAsync()
    {
        this.Context.Request.Headers.TryAddWithoutValidation("X-Deskhand-Flow", Api_Key);
        return await this.Context.SendAsync(this.Context.Request, this.CancellationToken).ConfigureAwait(false);
    }
}

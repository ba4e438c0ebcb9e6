namespace MeshActors.Tests.Discovery.Aws;

/// <summary>Credentials in this process's environment (the first source of the standard AWS
/// chain) for one test, and the previous values back afterwards. Only tests that ask the provider
/// for the standard chain read them; every other AWS test gives the SDK its credentials.</summary>
internal sealed class AwsEnvironment : IDisposable
{
    private static readonly string[] Names = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];
    private readonly Dictionary<string, string?> _previous = Names.ToDictionary(n => n, Environment.GetEnvironmentVariable);

    public AwsEnvironment(string accessKey, string secret)
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", accessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", secret);
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
    }

    public void Dispose()
    {
        foreach (var (name, value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}

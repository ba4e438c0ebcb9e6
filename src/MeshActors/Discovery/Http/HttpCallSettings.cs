namespace MeshActors.Discovery.Http;

/// <summary>How an HTTP-based provider names itself and its settings in error messages, so
/// every failure says which setting to change.</summary>
/// <param name="Provider">The provider's name, e.g. <c>"kubernetes"</c>; every message starts with it.</param>
/// <param name="TimeoutSetting">The full path of the setting that bounds one request.</param>
/// <param name="CaSetting">The full path of the setting that names the CA to trust, or a hint when there is none.</param>
/// <param name="Timeout">How long one request (headers and body) may take.</param>
internal sealed record HttpCallSettings(string Provider, string TimeoutSetting, string CaSetting, TimeSpan Timeout);

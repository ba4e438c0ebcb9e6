using Microsoft.Extensions.Logging;

namespace MeshActors.Diagnostics;

/// <summary>
/// Every log message MeshActors writes, source-generated, with stable event ids. Ranges:
/// 2000–2999 configuration, 3000–3999 node and hosting, 4000–4099 audit, 4900–4999 TLS
/// credentials, 5000–5999 remoting, 6000–6999 membership, 7000–7999 discovery, 8000–8199 leadership and sharding,
/// 9000–9099 overlay views, 9100–9199 events.
/// Ids are never reused for a different meaning.
/// </summary>
internal static partial class MeshLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Configuration: {Warning}")]
    public static partial void ConfigWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Node {NodeId} started in cluster {ClusterId} (its join is logged as 7703 \"Join decided\"; /health/ready answers 200 once it is Up)")]
    public static partial void NodeStarted(ILogger logger, string nodeId, string clusterId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Generated node id {NodeId}, kept in {DataDir}")]
    public static partial void NodeIdGenerated(ILogger logger, string nodeId, string dataDir);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Control endpoint listening on {Url}")]
    public static partial void ControlListening(ILogger logger, string url);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Control endpoint cannot listen on {Host}:{Port}: {Reason}. Set meshactors.control.port to a free port, or 0 to pick one")]
    public static partial void ControlBindFailed(ILogger logger, string host, int port, string reason);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Node {NodeId} stopped")]
    public static partial void NodeStopped(ILogger logger, string nodeId);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Node {NodeId} is shutting down (Akka's coordinated shutdown, reason: {Reason})")]
    public static partial void ShuttingDown(ILogger logger, string nodeId, string reason);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Start-up interrupted: the ActorSystem is stopping ({Reason}); the step under way did not finish: {Step}")]
    public static partial void StartupInterrupted(ILogger logger, string reason, string step);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Control endpoint disabled (meshactors.control.enabled = false): no health endpoints")]
    public static partial void ControlDisabled(ILogger logger);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Akka.Remote listens on {Address} ({Security})")]
    public static partial void RemotingListening(ILogger logger, string address, string security);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Information, Message = "Member {Address} ({NodeId}) is {Event}")]
    public static partial void MemberChanged(ILogger logger, string address, string nodeId, string @event);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Warning, Message = "Metadata update reached only some members within {Timeout}: {Reason}; the rest get it by DistributedData gossip")]
    public static partial void MetadataWritePartial(ILogger logger, TimeSpan timeout, string reason);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Audit {Kind}: peer {PeerNodeId} at {PeerAddress}, reason {Reason}: {Detail}")]
    public static partial void Audit(ILogger logger, string kind, string peerNodeId, string peerAddress, string reason, string detail);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "TLS is off (meshactors.transport.tls.mode = insecure): traffic between nodes is neither encrypted nor authenticated; only the cluster id is checked")]
    public static partial void TransportInsecure(ILogger logger);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "No certificates configured: using a development CA and node certificate generated in {Folder}. Peers will trust this node only if they trust that CA; issue real certificates with 'meshctl cert' for a cluster")]
    public static partial void DevelopmentCertificates(ILogger logger, string folder);

    [LoggerMessage(EventId = 4901, Level = LogLevel.Information, Message = "TLS credentials reloaded: node certificate \"{Subject}\" (key {Fingerprint}, valid until {NotAfter}) from {CertPath}, {CaCount} trusted CA(s) from {CaPath}")]
    public static partial void TlsCredentialsReloaded(ILogger logger, string subject, string fingerprint, string notAfter, string certPath, int caCount, string caPath);

    [LoggerMessage(EventId = 4902, Level = LogLevel.Warning, Message = "TLS credentials not reloaded, still using the previous ones (key {Fingerprint}): {Problem}")]
    public static partial void TlsCredentialsReloadFailed(ILogger logger, string fingerprint, string problem, Exception exception);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "No seeds configured (meshactors.discovery.static.seeds): {NodeId} starts a single-node cluster; others join it through {Address}")]
    public static partial void SingleNodeCluster(ILogger logger, string nodeId, string address);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Joining through {Seeds}")]
    public static partial void Joining(ILogger logger, string seeds);

    // 7000–7099: discovery coordinators and the bootstrap (join decision).

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Discovery provider {Provider} failed ({Failures} in a row; next try in {Retry}): {Error}")]
    public static partial void DiscoveryFailed(ILogger logger, string provider, int failures, TimeSpan retry, string error);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Discovery provider {Provider} found {Count} contact point(s) in {Duration}: {Points}")]
    public static partial void DiscoveryFound(ILogger logger, string provider, int count, TimeSpan duration, string points);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Discovery provider {Provider} recovered after {Failures} failed run(s)")]
    public static partial void DiscoveryRecovered(ILogger logger, string provider, int failures);

    // 7100–7199: the DNS provider (questions are asked through DnsClient; 7102–7105 were the
    // hand-written client's and are retired).
    [LoggerMessage(EventId = 7101, Level = LogLevel.Debug, Message = "DNS {Name} {Type}: {Server} answered {ResponseCode} with {Answers} answer(s) in {Size} bytes")]
    public static partial void DnsAnswered(ILogger logger, string name, string type, string server, string responseCode, int answers, int size);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Warning, Message = "DNS: ignored a line of {Path}: {Problem}")]
    public static partial void ResolvConfProblem(ILogger logger, string path, string problem);

    [LoggerMessage(EventId = 7110, Level = LogLevel.Debug, Message = "dns discovery: {Count} contact point(s), valid for {ValidForSeconds} s")]
    public static partial void DnsDiscovered(ILogger logger, int count, double validForSeconds);

    [LoggerMessage(EventId = 7111, Level = LogLevel.Warning, Message = "dns discovery: {Problem}")]
    public static partial void DnsDiscoveryProblem(ILogger logger, string problem);

    // 7200–7299: mDNS.

    [LoggerMessage(EventId = 7200, Level = LogLevel.Information, Message = "mDNS advertising {Instance} and browsing {Service} on {Interfaces}")]
    public static partial void MdnsStarted(ILogger logger, string instance, string service, string interfaces);

    [LoggerMessage(EventId = 7201, Level = LogLevel.Warning, Message = "mDNS could not start: {Reason}")]
    public static partial void MdnsOpenFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Warning, Message = "mDNS dropped {Dropped} inbound packet(s) over the limit of {Limit} per second (meshactors.discovery.mdns.max-packets-per-second)")]
    public static partial void MdnsPacketsDropped(ILogger logger, long dropped, int limit);

    [LoggerMessage(EventId = 7203, Level = LogLevel.Debug, Message = "mDNS ignored a malformed packet from {From}: {Error}")]
    public static partial void MdnsMalformedPacket(ILogger logger, string from, string error);

    [LoggerMessage(EventId = 7204, Level = LogLevel.Warning, Message = "mDNS receive failed; retrying")]
    public static partial void MdnsReceiveFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7205, Level = LogLevel.Warning, Message = "mDNS send on {Interface} failed: {Reason}")]
    public static partial void MdnsSendFailed(ILogger logger, string @interface, string reason);

    [LoggerMessage(EventId = 7206, Level = LogLevel.Warning, Message = "mDNS browse cache is full ({MaxPeers} instances, meshactors.discovery.mdns.max-peers); {Dropped} new instance(s) ignored so far")]
    public static partial void MdnsCacheFull(ILogger logger, int maxPeers, long dropped);

    [LoggerMessage(EventId = 7207, Level = LogLevel.Information, Message = "mDNS sent the goodbye for {Instance}")]
    public static partial void MdnsGoodbye(ILogger logger, string instance);

    [LoggerMessage(EventId = 7208, Level = LogLevel.Warning, Message = "mDNS name {Previous} is already in use on the network; probing for {Current} instead (next probe in {DelayMs} ms)")]
    public static partial void MdnsRenamed(ILogger logger, string previous, string current, double delayMs);

    [LoggerMessage(EventId = 7209, Level = LogLevel.Debug, Message = "mDNS lost a simultaneous-probe tie-break for {Instance}; probing again in {DelayMs} ms")]
    public static partial void MdnsProbeDeferred(ILogger logger, string instance, double delayMs);

    [LoggerMessage(EventId = 7210, Level = LogLevel.Warning, Message = "mDNS heard another host claim {Instance} with other data; probing for it again (next probe in {DelayMs} ms)")]
    public static partial void MdnsReprobing(ILogger logger, string instance, double delayMs);

    [LoggerMessage(EventId = 7211, Level = LogLevel.Information, Message = "mDNS probing succeeded; announcing {Instance} (host {Host})")]
    public static partial void MdnsAnnouncing(ILogger logger, string instance, string host);

    // 7300–7399: Kubernetes.
    [LoggerMessage(EventId = 7301, Level = LogLevel.Debug, Message = "Kubernetes: {Count} contact point(s) from {Resource} in namespace {Namespace}")]
    public static partial void KubernetesDiscovered(ILogger logger, int count, string resource, string @namespace);

    // 7400–7499: AWS EC2.
    [LoggerMessage(EventId = 7401, Level = LogLevel.Debug, Message = "AWS EC2: {Count} contact point(s) from {Pages} DescribeInstances page(s) in {Region}")]
    public static partial void AwsDiscovered(ILogger logger, int count, int pages, string region);

    // 7500–7599: the HTTP rendezvous provider.
    [LoggerMessage(EventId = 7501, Level = LogLevel.Debug, Message = "HTTP rendezvous: {Count} seed(s) from {Url}")]
    public static partial void HttpSeedsFetched(ILogger logger, int count, string url);

    [LoggerMessage(EventId = 7502, Level = LogLevel.Debug, Message = "HTTP rendezvous: {Url} unchanged (304); reusing {Count} seed(s)")]
    public static partial void HttpSeedsNotModified(ILogger logger, int count, string url);

    // 7600–7699: the peer cache.

    [LoggerMessage(EventId = 7601, Level = LogLevel.Warning, Message = "The peer cache {Path} cannot be used ({Problem}); it was moved to {Aside} and a fresh cache started. Peers will be remembered again as they are seen")]
    public static partial void PeerCacheSetAside(ILogger logger, string path, string problem, string aside);

    [LoggerMessage(EventId = 7602, Level = LogLevel.Warning, Message = "The peer cache {Path} cannot be created ({Problem}); peers are remembered in memory only for this run. Check that meshactors.node.data-dir is writable")]
    public static partial void PeerCacheInMemory(ILogger logger, string path, string problem);

    [LoggerMessage(EventId = 7603, Level = LogLevel.Warning, Message = "The peer cache {Path} failed to {Operation}: {Problem} (further write failures are not logged)")]
    public static partial void PeerCacheFailed(ILogger logger, string path, string operation, string problem);

    [LoggerMessage(EventId = 7701, Level = LogLevel.Information, Message = "Bootstrap endpoint listening on {Address} ({Security})")]
    public static partial void BootstrapListening(ILogger logger, string address, string security);

    [LoggerMessage(EventId = 7702, Level = LogLevel.Information, Message = "Cluster Bootstrap started: discovery method {Method}, lookup {Lookup}, required contact points {Required}, stable margin {StableMarginMs} ms")]
    public static partial void BootstrapStarting(ILogger logger, string method, string lookup, int required, long stableMarginMs);

    [LoggerMessage(EventId = 7703, Level = LogLevel.Information, Message = "Join decided: {Outcome}; self {Self}; seed nodes [{Seeds}]; via [{Via}]; {Reason}")]
    public static partial void JoinDecided(ILogger logger, string outcome, string self, string seeds, string via, string reason);

    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Leader of {Scope} is now {LeaderId} (term {Term}, fencing token {Token}); before: {Previous}")]
    public static partial void LeaderElected(ILogger logger, string scope, string leaderId, long term, long token, string previous);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "{Scope} has no leader: term {Term} of {LeaderId} ended (expired or released) and no one holds the lease yet")]
    public static partial void LeaderVacant(ILogger logger, string scope, string leaderId, long term);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "This node ({NodeId}) leads {Scope} with fencing token {Token}")]
    public static partial void LeadershipAcquired(ILogger logger, string nodeId, string scope, long token);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "This node ({NodeId}) stepped down as leader of {Scope} (fencing token {Token}): {Reason}")]
    public static partial void LeadershipLost(ILogger logger, string nodeId, string scope, long token, string reason);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Error, Message = "Two holders of {Scope}'s lease: this node still holds term {LocalToken} by its safe deadline, but the store names {Holder} with term {StoreToken}. Check the store (restored from a backup?) and the clocks; this node steps down")]
    public static partial void TwoHolders(ILogger logger, string scope, long localToken, string holder, long storeToken);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Warning, Message = "Reading or taking the lease of {Scope} failed: {Reason} (retrying every {RetryMs} ms; further failures are logged at Debug)")]
    public static partial void LeaseStoreFailed(ILogger logger, string scope, string reason, long retryMs);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "This node ({NodeId}) keeps the shard tables under fencing token {Token}, continuing from {Versions}")]
    public static partial void ShardLeadershipBegan(ILogger logger, string nodeId, long token, string versions);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Information, Message = "This node ({NodeId}) no longer keeps the shard tables (its term {Token} ended)")]
    public static partial void ShardLeadershipEnded(ILogger logger, string nodeId, long token);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Information, Message = "Shard table {Namespace} version {Version} written (fencing token {Token}): {Moved} shard(s) change owner; {Reason}")]
    public static partial void ShardTableWritten(ILogger logger, string @namespace, long version, long token, int moved, string reason);

    [LoggerMessage(EventId = 8104, Level = LogLevel.Warning, Message = "The store refused version {Version} of shard table {Namespace} under fencing token {Token}: {Reason}. This node stops writing until it leads again")]
    public static partial void ShardTableRefused(ILogger logger, string @namespace, long version, long token, string reason);

    [LoggerMessage(EventId = 8105, Level = LogLevel.Information, Message = "Rebalance plan of {Namespace}: {From} -> {To} ({Reason})")]
    public static partial void RebalancePlanTransition(ILogger logger, string @namespace, string from, string to, string reason);

    // Overlay views (meshactors.overlay): 9001-9099.
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Overlay: {NodeId} has no neighbour and joins through {Contact}")]
    public static partial void OverlayJoining(ILogger logger, string nodeId, string contact);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "Overlay: banned {NodeId} ({Address}) until {Until:O}: its score fell below the prune threshold")]
    public static partial void OverlayPeerBanned(ILogger logger, string nodeId, string address, DateTimeOffset until);

    // Events (meshactors.events): 9101-9199.
    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Event router of {NodeId} started (incarnation {Incarnation}); events are signed with {Signing}")]
    public static partial void EventRouterStarted(ILogger logger, string nodeId, ulong incarnation, string signing);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Debug, Message = "Event dropped ({Reason}) from {Peer}: {Detail}")]
    public static partial void EventDropped(ILogger logger, string reason, string peer, string detail);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Warning, Message = "Neighbour {Peer} misbehaved on the event plane ({Reason}); reported to the view manager")]
    public static partial void EventPeerMisbehaved(ILogger logger, string peer, string reason);

    [LoggerMessage(EventId = 9104, Level = LogLevel.Warning, Message = "Publishing on topic {Topic} failed: {Reason}")]
    public static partial void EventPublishRefused(ILogger logger, string topic, string reason);
}

using MeshActors.Diagnostics;
using MeshActors.Dns;

namespace MeshActors.Discovery.Mdns;

/// <summary>The advertising loop: probes, announces and re-probes as <see cref="MdnsProber"/> decides,
/// waking early when a received message changes its state.</summary>
public sealed partial class MdnsDiscoveryProvider
{
    private TaskCompletionSource _proberChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The instance name this node probes for or advertises now (renamed after a conflict).</summary>
    internal string InstanceName
    {
        get
        {
            lock (_prober)
            {
                return _prober.Advertisement.InstanceName;
            }
        }
    }

    /// <summary>Whether probing succeeded and the records are announced and answered.</summary>
    internal bool OwnsNames
    {
        get
        {
            lock (_prober)
            {
                return _prober.OwnsNames;
            }
        }
    }

    private MdnsAdvertisement? Owned()
    {
        lock (_prober)
        {
            return _prober.OwnsNames ? _prober.Advertisement : null;
        }
    }

    private MdnsAdvertisement? Advertised()
    {
        lock (_prober)
        {
            return _prober.HasAnnounced ? _prober.Advertisement : null;
        }
    }

    private async Task AdvertiseLoopAsync(MdnsSocket socket, CancellationToken stopping)
    {
        var time = _context.Time;
        string? announced = null;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                MdnsStep step;
                MdnsAdvertisement advertisement;
                Task changed;
                lock (_prober)
                {
                    changed = _proberChanged.Task;
                    step = _prober.Poll(time.GetUtcNow());
                    advertisement = _prober.Advertisement;
                }

                switch (step.Kind)
                {
                    case MdnsStepKind.ProbeUnicast or MdnsStepKind.Probe:
                        foreach (var nic in socket.Interfaces)
                        {
                            await SendAsync(socket, nic, advertisement.Probe(nic, step.Kind == MdnsStepKind.ProbeUnicast), null, stopping).ConfigureAwait(false);
                        }

                        break;
                    case MdnsStepKind.Announce:
                        if (announced != advertisement.InstanceName)
                        {
                            announced = advertisement.InstanceName;
                            MeshLog.MdnsAnnouncing(_log, advertisement.InstanceName, advertisement.HostName);
                        }

                        await AnnounceAsync(socket, advertisement, advertisement.Ttl, stopping).ConfigureAwait(false);
                        break;
                    default:
                        await WaitAsync(step.Kind == MdnsStepKind.Wait ? step.Until - time.GetUtcNow() : Timeout.InfiniteTimeSpan, changed, stopping).ConfigureAwait(false);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Disposed.
        }
        catch (ObjectDisposedException) when (stopping.IsCancellationRequested)
        {
            // Disposed between the stop and the next send: DisposeAsync closes the socket (and its send
            // lock) before it awaits this loop, so a send already under way meets a disposed lock.
        }
    }

    private async Task WaitAsync(TimeSpan delay, Task changed, CancellationToken stopping)
    {
        if (delay != Timeout.InfiniteTimeSpan && delay <= TimeSpan.Zero)
        {
            return;
        }

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var delayed = Task.Delay(delay, _context.Time, waiting.Token);
        await Task.WhenAny(delayed, changed).ConfigureAwait(false);
        await waiting.CancelAsync().ConfigureAwait(false);
        stopping.ThrowIfCancellationRequested();
    }

    /// <summary>Hands a received message to the prober and logs what it did.</summary>
    private void Observe(MdnsSocket socket, DnsMessage message)
    {
        MdnsProbeOutcome outcome;
        lock (_prober)
        {
            var ours = socket.Interfaces.SelectMany(_prober.Advertisement.UniqueRecords).ToList();
            outcome = _prober.Observe(message, ours, _context.Time.GetUtcNow());
            if (outcome.Kind != MdnsProbeOutcomeKind.None)
            {
                Interlocked.Exchange(ref _proberChanged, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }

        switch (outcome.Kind)
        {
            case MdnsProbeOutcomeKind.Renamed:
                MeshLog.MdnsRenamed(_log, outcome.Previous, outcome.Current, outcome.Delay.TotalMilliseconds);
                break;
            case MdnsProbeOutcomeKind.Deferred:
                MeshLog.MdnsProbeDeferred(_log, outcome.Current, outcome.Delay.TotalMilliseconds);
                break;
            case MdnsProbeOutcomeKind.Reprobing:
                MeshLog.MdnsReprobing(_log, outcome.Current, outcome.Delay.TotalMilliseconds);
                break;
        }
    }

    private async Task AnnounceAsync(MdnsSocket socket, MdnsAdvertisement advertisement, uint ttl, CancellationToken cancellationToken)
    {
        foreach (var nic in socket.Interfaces)
        {
            await SendAsync(socket, nic, advertisement.Announcement(nic, ttl), null, cancellationToken).ConfigureAwait(false);
        }
    }
}

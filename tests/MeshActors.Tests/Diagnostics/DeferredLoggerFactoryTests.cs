using FluentAssertions;
using MeshActors.Diagnostics;
using MeshActors.Tests.Security;
using Microsoft.Extensions.Logging;
using Xunit;

namespace MeshActors.Tests.Diagnostics;

public sealed class DeferredLoggerFactoryTests
{
    [Fact]
    public void Entries_written_before_attach_reach_the_real_factory_in_order_with_category_level_and_event_id()
    {
        var deferred = new DeferredLoggerFactory();
        var cache = deferred.CreateLogger("MeshActors.PeerCache");
        cache.Log(LogLevel.Warning, new EventId(7601), "moved {Path} aside", "/data/peers.db");
        cache.LogInformation("second");

        var capture = new CapturingLoggerProvider();
        using var real = LoggerFactory.Create(b => b.AddProvider(capture).SetMinimumLevel(LogLevel.Trace));
        deferred.Attach(real);

        capture.Entries.Select(e => (e.Category, e.Level, e.EventId, e.Message)).Should().Equal(
            ("MeshActors.PeerCache", LogLevel.Warning, 7601, "moved /data/peers.db aside"),
            ("MeshActors.PeerCache", LogLevel.Information, 0, "second"));
    }

    [Fact]
    public void A_logger_made_before_attach_writes_straight_through_after_it()
    {
        var deferred = new DeferredLoggerFactory();
        var logger = deferred.CreateLogger("MeshActors.Discovery");
        var capture = new CapturingLoggerProvider();
        using var real = LoggerFactory.Create(b => b.AddProvider(capture).SetMinimumLevel(LogLevel.Information));
        deferred.Attach(real);

        logger.LogDebug("filtered by the real factory");
        logger.LogError("kept");

        capture.Entries.Select(e => e.Message).Should().Equal("kept");
        logger.IsEnabled(LogLevel.Debug).Should().BeFalse();
    }

    [Fact]
    public void At_most_a_thousand_early_entries_are_kept()
    {
        var deferred = new DeferredLoggerFactory();
        var logger = deferred.CreateLogger("c");
        for (var i = 0; i < 1_500; i++)
        {
            logger.LogInformation("{I}", i);
        }

        var capture = new CapturingLoggerProvider();
        using var real = LoggerFactory.Create(b => b.AddProvider(capture));
        deferred.Attach(real);

        capture.Entries.Should().HaveCount(1_000);
        capture.Entries[^1].Message.Should().Be("999");
    }
}

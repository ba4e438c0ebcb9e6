using MeshActors.Events.Admission;
using MeshActors.Events.Envelope;
using MeshActors.Tests.Events.Envelope;
using MeshActors.Tests.Security;

namespace MeshActors.Tests.Events.Admission;

public sealed class EventAdmissionTests
{
    private static readonly AdmissionSettings Settings = AdmissionSettings.Default;
    private static readonly DateTimeOffset Now = TestPki.Now;

    public static TheoryData<string, Func<byte[]>, DropReason?> Cases => new()
    {
        { "a fresh, signed event on a wanted topic", () => Fresh(), null },
        { "garbage", () => [1, 2, 3], DropReason.Malformed },
        { "trailing bytes", () => [.. Fresh(), 0], DropReason.Malformed },
        { "a payload over the cap", () => Grow(Fresh(payload: new byte[EnvelopeLimits.DefaultMaxPayloadBytes])), DropReason.Oversized },
        { "an envelope over the cap", () => new byte[EnvelopeLimits.Default.MaxEnvelopeBytes + 1], DropReason.Oversized },
        { "a topic nobody here wants", () => Fresh(topic: "billing.invoice"), DropReason.UnknownTopic },
        { "published 5 minutes and 1 ms ago", () => Fresh(at: Now - TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(1)), DropReason.TooOld },
        { "published exactly 5 minutes ago", () => Fresh(at: Now - TimeSpan.FromMinutes(5)), null },
        { "stamped 31 s ahead", () => Fresh(at: Now + TimeSpan.FromSeconds(31)), DropReason.FromTheFuture },
        { "stamped 30 s ahead", () => Fresh(at: Now + TimeSpan.FromSeconds(30)), null },
        { "an id already admitted", () => Fresh(id: Admitted.Id), DropReason.Duplicate },
        { "a sequence already admitted, new id", () => Fresh(sequence: Admitted.Sequence), DropReason.Replayed },
        { "a sequence 64 behind the highest", () => Fresh(sequence: Admitted.Sequence - 64), DropReason.Replayed },
        { "a sequence 63 behind, not seen", () => Fresh(sequence: Admitted.Sequence - 63), null },
        { "an older incarnation", () => Fresh(incarnation: Admitted.Incarnation - 1, sequence: 500), DropReason.Replayed },
        { "a newer incarnation restarting at 1", () => Fresh(incarnation: Admitted.Incarnation + 1, sequence: 1), null },
        { "another source at sequence 1", () => Fresh(source: "node-2", sequence: 1), null },
    };

    /// <summary>Admitted before each case: node-1, incarnation 7, sequence 100.</summary>
    private static MeshEvent Admitted => TestEvents.Signed(id: new EventId(1, 1), sequence: 100);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_reason_is_decided_by_its_rule(string name, Func<byte[]> envelope, DropReason? expected)
    {
        var state = StateWithAdmitted();
        var decision = Decide(envelope(), state, new TestEvents.StubVerifier(SignatureVerdict.Valid));
        decision.Reason.Should().Be(expected, name);
        decision.Admitted.Should().Be(expected is null);
        (decision.Detail.Length > 0).Should().Be(expected is not null);
    }

    [Theory]
    [InlineData(SignatureVerdict.Invalid)]
    [InlineData(SignatureVerdict.UnknownSource)]
    [InlineData(SignatureVerdict.SourceMismatch)]
    [InlineData(SignatureVerdict.AlgorithmMismatch)]
    public void Any_failed_verification_is_a_bad_signature_and_changes_nothing(SignatureVerdict verdict)
    {
        var state = new AdmissionState(Settings);
        var decision = EventAdmission.Admit(MeshEventCodec.Decode(TestEvents.Encoded(), EnvelopeLimits.Default), Wanted, new TestEvents.StubVerifier(verdict), state, Now, Settings);
        decision.Reason.Should().Be(DropReason.BadSignature);
        decision.ReasonCode.Should().Be("bad-signature");
        decision.Detail.Should().Contain(verdict.ToString());
        state.Seen.Count.Should().Be(0);
        state.Windows.Count.Should().Be(0);
    }

    [Fact]
    public void Cheap_checks_run_before_the_signature()
    {
        var state = StateWithAdmitted();
        var verifier = new TestEvents.StubVerifier(SignatureVerdict.Valid);
        Decide(TestEvents.Encoded(Admitted), state, verifier).Reason.Should().Be(DropReason.Duplicate);
        Decide(TestEvents.Encoded(TestEvents.Signed(topic: "billing.x")), state, verifier).Reason.Should().Be(DropReason.UnknownTopic);
        Decide([0], state, verifier).Reason.Should().Be(DropReason.Malformed);
        verifier.Calls.Should().Be(0);
    }

    [Fact]
    public void Admit_records_so_the_second_copy_is_a_duplicate_and_Decide_alone_records_nothing()
    {
        var state = new AdmissionState(Settings);
        var verifier = new TestEvents.StubVerifier(SignatureVerdict.Valid);
        var decoded = MeshEventCodec.Decode(TestEvents.Encoded(), EnvelopeLimits.Default);
        EventAdmission.Decide(decoded, Wanted, verifier, state, Now, Settings).Admitted.Should().BeTrue();
        EventAdmission.Decide(decoded, Wanted, verifier, state, Now, Settings).Admitted.Should().BeTrue("Decide does not record");
        EventAdmission.Admit(decoded, Wanted, verifier, state, Now, Settings).Admitted.Should().BeTrue();
        EventAdmission.Admit(decoded, Wanted, verifier, state, Now, Settings).Reason.Should().Be(DropReason.Duplicate);
    }

    [Fact]
    public void Drops_become_audit_events_with_stable_codes()
    {
        var drop = AdmissionDecision.Drop(DropReason.Replayed, "event x from node-1 …");
        var audit = drop.ToAuditEvent(Now, "node-1", "10.0.0.7:4053");
        audit.Should().Be(new MeshActors.Diagnostics.AuditEvent("event.dropped", Now, "node-1", "10.0.0.7:4053", "replayed", "event x from node-1 …"));
        Enum.GetValues<DropReason>().Select(r => AdmissionDecision.Drop(r, "").ReasonCode).Should().OnlyHaveUniqueItems().And.AllSatisfy(c => c.Should().MatchRegex("^[a-z-]+$"));
        var admitted = () => AdmissionDecision.Admit.ToAuditEvent(Now, null, null);
        admitted.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Settings_report_every_error_at_once()
    {
        var errors = new AdmissionSettings(TimeSpan.Zero, TimeSpan.FromSeconds(-1), 0, AdmissionSettings.CapacityCeiling + 1).Validate();
        errors.Should().HaveCount(4);
        errors.Should().Contain(e => e.StartsWith("MaxAge")).And.Contain(e => e.StartsWith("MaxFutureSkew"))
            .And.Contain(e => e.StartsWith("SeenCacheCapacity")).And.Contain(e => e.StartsWith("MaxSources"));
        AdmissionSettings.Default.Validate().Should().BeEmpty();
        var act = () => new AdmissionState(Settings with { SeenCacheCapacity = 0 });
        act.Should().Throw<ArgumentException>().WithMessage("invalid admission settings: SeenCacheCapacity is 0*");
    }

    /// <summary>An envelope that passes every check unless a parameter says otherwise: a new id, node-1's next sequence, now.</summary>
    private static byte[] Fresh(
        EventId? id = null, string source = "node-1", ulong incarnation = 7, ulong sequence = 101,
        DateTimeOffset? at = null, string topic = "infra.disk", byte[]? payload = null) =>
        TestEvents.Encoded(TestEvents.Signed(id ?? new EventId(9, 9), source, incarnation, sequence, at ?? Now, topic, payload));

    private static bool Wanted(string topic) => topic.StartsWith("infra.", StringComparison.Ordinal);

    private static AdmissionState StateWithAdmitted()
    {
        var state = new AdmissionState(Settings);
        EventAdmission.Admit(MeshEventCodec.Decode(TestEvents.Encoded(Admitted), EnvelopeLimits.Default), Wanted, new TestEvents.StubVerifier(SignatureVerdict.Valid), state, Now, Settings)
            .Admitted.Should().BeTrue();
        return state;
    }

    private static AdmissionDecision Decide(byte[] envelope, AdmissionState state, IEventVerifier verifier) =>
        EventAdmission.Decide(MeshEventCodec.Decode(envelope, EnvelopeLimits.Default), Wanted, verifier, state, Now, Settings);

    /// <summary>Raises the payload length field of an envelope carrying exactly the cap by one, as a peer with a larger cap would send.</summary>
    private static byte[] Grow(byte[] envelope)
    {
        var at = 45 + envelope[44] + 1 + envelope[45 + envelope[44]];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(envelope.AsSpan(at), EnvelopeLimits.DefaultMaxPayloadBytes + 1);
        return envelope;
    }
}

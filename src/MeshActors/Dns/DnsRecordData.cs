namespace MeshActors.Dns;

/// <summary>The RDATA of a record. The subtypes are <see cref="AddressData"/>,
/// <see cref="SrvData"/>, <see cref="PtrData"/>, <see cref="TxtData"/>, <see cref="SoaData"/> and
/// <see cref="UnknownData"/>.</summary>
public abstract record DnsRecordData;

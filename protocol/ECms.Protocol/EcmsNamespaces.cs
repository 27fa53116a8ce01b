namespace ECms.Protocol;

/// <summary>The namespace URIs and literal prefixes of the e-CMS 2.0 wire form (spec §1.4, §2.1, §2.3).</summary>
public static class EcmsNamespaces
{
    public const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    public const string Addressing = "http://www.w3.org/2005/08/addressing";

    /// <summary>The 1.x client's misspelt WS-Addressing namespace (no "www."), accepted in lenient mode only.</summary>
    public const string AddressingV1 = "http://w3.org/2005/08/addressing";

    public const string GovernmentDocument = "urn:th:gov:egif:data:standard:GovernmentDocument:1.0";
    public const string ReusableAggregate = "urn:th:gov:egif:data:standard:ReusableAggregateBusinessInformationEntity:1";
    public const string XmlDsig = "http://www.w3.org/2000/09/xmldsig#";

    // Real clients match these prefixes literally (R-HUB-1), so they are part of the contract.
    public const string SoapPrefix = "SOAP-ENV";
    public const string AddressingPrefix = "wsa";
    public const string GovernmentDocumentPrefix = "rsm";
    public const string ReusableAggregatePrefix = "ram";
}

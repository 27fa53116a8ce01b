using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ECms.Protocol;
using ECms.Protocol.Wire;

namespace ECms.Simulators.Tests.Fuzz;

/// <summary>A mutated request body and the mutations that made it, in the order applied.</summary>
public sealed record Mutant(byte[] Body, IReadOnlyList<string> Mutations)
{
    public string Describe() => string.Join(" → ", Mutations);
}

/// <summary>
/// Seeded mutations of a valid request, at the XML level (elements deleted, duplicated, swapped, moved or renamed;
/// prefixes and namespaces changed; empty, huge or random text; attributes; nesting near the depth limit; DTDs,
/// entities and character references; empty or doubled bodies; comments, PIs and CDATA in odd places) and at the byte
/// level (truncation, random and invalid UTF-8 bytes, byte order marks, cut and copied ranges). Given the same
/// template, state values and <see cref="Random"/>, a mutant is always the same bytes.
/// </summary>
public static partial class Mutators
{
    private static readonly int MaxDepth = XmlLimits.Default.MaxDepth;
    private static readonly int MaxElements = XmlLimits.Default.MaxElements;
    private static readonly int MaxAttributes = XmlLimits.Default.MaxAttributesPerElement;

    private static readonly XmlMutation[] XmlMutations =
    [
        new("DeleteElement", 6, DeleteElement),
        new("DuplicateElement", 5, DuplicateElement),
        new("SwapSiblings", 4, SwapSiblings),
        new("MoveElement", 3, MoveElement),
        new("RenameElement", 5, RenameElement),
        new("ChangePrefix", 4, ChangePrefix),
        new("ChangeNamespace", 4, ChangeNamespace),
        new("AddDefaultNamespace", 2, AddDefaultNamespace),
        new("MixSoapVersions", 2, MixSoapVersions),
        new("EmptyText", 5, EmptyText),
        new("HugeText", 2, HugeText),
        new("RandomText", 6, RandomText),
        new("SpliceValue", 8, SpliceValue),
        new("PadText", 2, PadText),
        new("AddAttribute", 4, AddAttribute),
        new("DeepNesting", 2, DeepNesting),
        new("ManyElements", 1, ManyElements),
        new("InsertDoctype", 2, InsertDoctype),
        new("EntityReference", 4, EntityReference),
        new("EmptyBody", 2, EmptyBody),
        new("TwoOperations", 3, TwoOperations),
        new("OddInsertion", 4, OddInsertion),
        new("XmlDeclaration", 2, XmlDeclaration),
        new("TrailingContent", 2, TrailingContent),
        new("WrapInCData", 1, WrapInCData),
    ];

    private static readonly ByteMutation[] ByteMutations =
    [
        new("Truncate", 6, Truncate),
        new("OverwriteBytes", 3, OverwriteBytes),
        new("InsertRandomBytes", 2, InsertRandomBytes),
        new("RandomBytesInText", 3, RandomBytesInText),
        new("InvalidUtf8", 5, InvalidUtf8),
        new("ByteOrderMark", 3, ByteOrderMark),
        new("DeleteRange", 2, DeleteRange),
        new("DuplicateRange", 2, DuplicateRange),
        new("Reencode", 1, Reencode),
    ];

    private static readonly string[] KnownNames =
    [
        "Envelope", "Header", "Body", "Fault", "MessageID", "To", "to", "Action",
        OperationNames.OutboundRequest, OperationNames.InboundRequest, OperationNames.DeleteRequest, OperationNames.WithdrawRequest,
        OperationNames.SpecialRequest, OperationNames.GetOrganizationList, OperationNames.TimeCheckRequest, OperationNames.OutboundStatusRequest,
        OperationNames.GetMimeCodes, OperationNames.OutboundResponse, OperationNames.GovernmentDocument,
        "ReceiveLetterNotifier", "AcceptLetterNotifier", "RejectLetterNotifier", "InvalidLetterNotifier", "InvalidAcceptIDNotifier",
        "CorrespondenceLetter", "GovernmentSignature", "ID", "CorrespondenceDate", "Subject", "SecretCode", "SpeedCode",
        "SenderParty", "ReceiverParty", "DepartmentOrganization", "MinistryOrganization", "ReferenceCorrespondence",
        "MainLetterBinaryObject", "AttachmentBinaryObject", "SendDate", "Attachment", "Description",
        "ProcessID", "processID", "LetterID", "AcceptID", "AcceptDate", "Code", "SenderDepartment", "AcceptDepartment", "ErrorDetail",
    ];

    private static readonly string[] Prefixes = ["SOAP-ENV", "soap", "env", "s", "wsa", "rsm", "ram", "ds", "xsi", "xml", "xmlns", "p0", "ทดสอบ"];

    private static readonly string[] NamespaceUris =
    [
        EcmsNamespaces.Soap11, EcmsNamespaces.Soap12, EcmsNamespaces.Addressing, EcmsNamespaces.AddressingV1,
        EcmsNamespaces.GovernmentDocument, EcmsNamespaces.ReusableAggregate, EcmsNamespaces.XmlDsig,
        "urn:th:gov:egif:data:standard:GovernmentDocument:1", "urn:th:gov:egif:data:standard:ReusableAggregateBusinessInformationEntity:1.0",
        "", "urn:fuzz", "http://www.w3.org/XML/1998/namespace", "http://www.w3.org/2000/xmlns/", "urn:ไทย:หนังสือ",
        "http://schemas.xmlsoap.org/soap/envelope", "HTTP://SCHEMAS.XMLSOAP.ORG/SOAP/ENVELOPE/",
    ];

    private static readonly string[] ValueConstants =
    [
        "", " ", "0", "-1", "9223372036854775808", "00000000000000000000000000000000000000001",
        "9900100000", "9900200000", "9900300000", "9999999999", "99", "๙๙๐๐๑๐๐๐๐๐", "9900100000 ",
        "2024-06-11", "2567-06-11", "2024-02-30", "0001-01-01", "9999-12-31T23:59:59", "11/06/2024", "2024-06-11T09:30:00.000+07:00",
        "001", "999", "application/pdf", "text/plain; charset=utf-8", "../../etc/passwd", "GovernmentDocument", "ReceiveLetterNotifier",
        "http://127.0.0.1:1/ecms-ws01/service2", "not a url", "mid://fuzz", "Q000000000001", "S000000000001", "R999999999999",
        "%PDF-1.4", "JVBERi0xLjQ=", "====", "QUJD\nREVG", "ทส 9901.3/1187", "รับ 2567/00001", "&amp;", "\u0E01\u0E34\u0E4D",
    ];

    /// <summary>
    /// Applies one to four seeded mutations to <paramref name="template"/>. <paramref name="stateValues"/> are strings from
    /// the hub's state (ProcessIDs, organisation codes, letter numbers, endpoints) spliced into text fields.
    /// </summary>
    public static Mutant Mutate(byte[] template, Random random, IReadOnlyList<string> stateValues)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(random);
        var applied = new List<string>();
        var xml = Encoding.UTF8.GetString(template);
        var roll = random.NextDouble();
        var xmlSteps = roll < 0.15 ? 0 : roll < 0.65 ? 1 : roll < 0.9 ? 2 : 3;
        for (var step = 0; step < xmlSteps; step++)
        {
            for (var attempt = 0; attempt < 10; attempt++)
            {
                var mutation = Pick(XmlMutations, m => m.Weight, random);
                var edit = mutation.Apply(xml, random, new Context(Markup.Scan(xml), stateValues));
                if (edit is not null && !string.Equals(edit.Xml, xml, StringComparison.Ordinal))
                {
                    xml = edit.Xml;
                    applied.Add($"{mutation.Name}({edit.Detail})");
                    break;
                }
            }
        }

        var bytes = Encoding.UTF8.GetBytes(xml);
        if (applied.Count == 0 || random.NextDouble() < 0.1)
        {
            var mutation = Pick(ByteMutations, m => m.Weight, random);
            var (mutated, detail) = mutation.Apply(bytes, random);
            bytes = mutated;
            applied.Add($"{mutation.Name}({detail})");
        }

        if (bytes.AsSpan().SequenceEqual(template))
        {
            // A byte overwritten with itself, ASCII "re-encoded" as Latin-1: still a mutant, by a cut.
            var (cut, detail) = Truncate(bytes, random);
            bytes = cut;
            applied.Add($"Truncate({detail})");
        }

        return new Mutant(bytes, applied);
    }

    /// <summary>Every mutation by name, so a test can check that a run reached each of them.</summary>
    public static IReadOnlyList<string> Names => [.. XmlMutations.Select(m => m.Name), .. ByteMutations.Select(m => m.Name)];

    private static T Pick<T>(IReadOnlyList<T> items, Func<T, int> weight, Random random)
    {
        var total = items.Sum(weight);
        var at = random.Next(total);
        foreach (var item in items)
        {
            at -= weight(item);
            if (at < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    private static T One<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

    // ---- XML level ----

    private static Edit? DeleteElement(string xml, Random random, Context context) =>
        context.Map.RandomElement(random) is { } e ? new(xml.Remove(e.Start, e.Length), e.Name) : null;

    private static Edit? DuplicateElement(string xml, Random random, Context context) =>
        context.Map.RandomElement(random) is { } e ? new(xml.Insert(e.End, xml[e.Start..e.End]), e.Name) : null;

    private static Edit? SwapSiblings(string xml, Random random, Context context)
    {
        var parents = context.Map.Elements.Where(p => p.Children.Count >= 2).ToArray();
        if (parents.Length == 0)
        {
            return null;
        }

        var children = One(parents, random).Children;
        var i = random.Next(children.Count);
        var j = random.Next(children.Count - 1);
        j = j >= i ? j + 1 : j;
        var (a, b) = i < j ? (children[i], children[j]) : (children[j], children[i]);
        var swapped = string.Concat(xml.AsSpan(0, a.Start), xml.AsSpan(b.Start, b.Length), xml.AsSpan(a.End, b.Start - a.End), xml.AsSpan(a.Start, a.Length)) + xml[b.End..];
        return new(swapped, $"{a.Name}⇄{b.Name}");
    }

    private static Edit? MoveElement(string xml, Random random, Context context)
    {
        if (context.Map.RandomElement(random, e => e.Parent is not null) is not { } moved)
        {
            return null;
        }

        var targets = context.Map.Elements.Where(t => !t.IsEmpty && (t.Start > moved.End - 1 || t.Start < moved.Start) && t != moved && !moved.Contains(t)).ToArray();
        if (targets.Length == 0)
        {
            return null;
        }

        var target = One(targets, random);
        var at = random.Next(2) == 0 ? target.OpenEnd : target.CloseStart;
        var fragment = xml[moved.Start..moved.End];
        var result = at <= moved.Start
            ? string.Concat(xml.AsSpan(0, at), fragment, xml.AsSpan(at, moved.Start - at)) + xml[moved.End..]
            : string.Concat(xml.AsSpan(0, moved.Start), xml.AsSpan(moved.End, at - moved.End), fragment) + xml[at..];
        return new(result, $"{moved.Name}→{target.Name}");
    }

    private static Edit? RenameElement(string xml, Random random, Context context)
    {
        if (context.Map.RandomElement(random) is not { } e)
        {
            return null;
        }

        var prefix = e.Prefix is { } p && random.Next(3) > 0 ? p + ":" : "";
        var newName = random.Next(9) switch
        {
            0 or 1 or 2 => prefix + One(KnownNames, random),
            3 => prefix + ToggleCase(e.LocalName, random),
            4 => prefix + RandomAsciiName(random),
            5 => prefix + One(["ชื่อ", "หนังสือ", "เลขที่"], random),
            6 => One(["1abc", "a b", "a:b:c", ":x", "-x", "", "x>", "é\u0301"], random),
            7 => prefix + new string('N', random.Next(1_000, 5_000)),
            _ => prefix + e.LocalName + One(["Request", "s", "_", "2", "ID"], random),
        };
        var endOnly = random.Next(10) == 0;
        return new(Rename(xml, e, newName, renameStart: !endOnly), $"{e.Name}→{Short(newName)}{(endOnly ? " end tag only" : "")}");
    }

    private static Edit? ChangePrefix(string xml, Random random, Context context)
    {
        if (context.Map.RandomElement(random) is not { } e)
        {
            return null;
        }

        var prefix = random.Next(4) == 0 ? "" : One(Prefixes, random);
        var newName = prefix.Length == 0 ? e.LocalName : $"{prefix}:{e.LocalName}";
        return new(Rename(xml, e, newName, renameStart: true), $"{e.Name}→{newName}");
    }

    private static Edit? ChangeNamespace(string xml, Random random, Context context)
    {
        var declarations = NamespaceDeclaration().Matches(xml);
        if (declarations.Count == 0)
        {
            return null;
        }

        var declaration = declarations[random.Next(declarations.Count)];
        if (random.Next(5) == 0)
        {
            return new(xml.Remove(declaration.Index, declaration.Length), $"removed {declaration.Value}");
        }

        var uri = random.Next(8) == 0 ? "urn:" + new string('x', random.Next(10_000, 100_000)) : One(NamespaceUris, random);
        var value = declaration.Groups["uri"];
        return new(string.Concat(xml.AsSpan(0, value.Index), uri, xml.AsSpan(value.Index + value.Length)), $"{declaration.Groups["name"].Value}=\"{Short(uri)}\"");
    }

    private static Edit? AddDefaultNamespace(string xml, Random random, Context context) =>
        context.Map.RandomElement(random) is { } e
            ? new(InsertAttribute(xml, e, $"xmlns=\"{One(NamespaceUris, random)}\""), e.Name)
            : null;

    private static Edit? MixSoapVersions(string xml, Random random, Context context)
    {
        var soapParts = context.Map.Elements.Where(e => e.LocalName is "Envelope" or "Header" or "Body" && e.Depth <= 1).ToArray();
        if (soapParts.Length == 0)
        {
            return null;
        }

        var part = One(soapParts, random);
        if (random.Next(2) == 0)
        {
            // Rebind the element's own prefix to the other SOAP version on that element only.
            var prefix = part.Prefix ?? "SOAP-ENV";
            return new(InsertAttribute(xml, part, $"xmlns:{prefix}=\"{EcmsNamespaces.Soap12}\""), $"{part.Name} rebound to SOAP 1.2");
        }

        var renamed = Rename(xml, part, $"s12:{part.LocalName}", renameStart: true);
        var elements = Markup.Scan(renamed).Elements;
        var root = elements.Count > 0 ? elements[0] : null;
        return root is null
            ? new(renamed, $"{part.Name}→s12 undeclared")
            : new(InsertAttribute(renamed, root, $"xmlns:s12=\"{EcmsNamespaces.Soap12}\""), $"{part.Name}→s12:{part.LocalName}");
    }

    private static Edit? EmptyText(string xml, Random random, Context context) =>
        context.Map.RandomText(random) is { } t ? new(xml.Remove(t.Start, t.Length), $"in {t.Element?.Name}") : null;

    private static Edit? HugeText(string xml, Random random, Context context)
    {
        var roll = random.NextDouble();
        var size = roll < 0.7 ? random.Next(10_000, 100_000) : roll < 0.95 ? random.Next(100_000, 500_000) : random.Next(1_000_000, 3_000_000);
        var unit = One(["ก", "QUJD", " ", "\n", "&amp;", "&#x0E01;", "9", "ข้อความ ", "<![CDATA[x]]>", "ก😀", "&#x1F600;"], random);
        var text = new StringBuilder(size + unit.Length);
        while (text.Length < size)
        {
            text.Append(unit);
        }

        return ReplaceOrInsertText(xml, random, context, text.ToString(), $"{text.Length:N0} chars of \"{Short(unit)}\"");
    }

    private static Edit? RandomText(string xml, Random random, Context context)
    {
        string[] palette =
        [
            "a", "Z", "0", "9", "-", "/", ".", " ", "ก", "ข", "ฮ", "๙", "\u0E4D", "\u0E48", "&lt;", "&amp;", "&gt;", "&quot;", "&apos;",
            "&", "<", ">", "\"", "'", "]]>", "😀", "\t", "\r\n", "\r", "\u00A0", "\u200B", "\uFEFF", "\uFFFD", "\u202E", "\u0301", "=", ";",
        ];
        var text = new StringBuilder();
        var length = random.Next(1, 65);
        for (var i = 0; i < length; i++)
        {
            text.Append(One(palette, random));
        }

        return ReplaceOrInsertText(xml, random, context, text.ToString(), Short(text.ToString()));
    }

    private static Edit? SpliceValue(string xml, Random random, Context context)
    {
        var value = context.StateValues.Count > 0 && random.Next(2) == 0 ? One(context.StateValues, random) : One(ValueConstants, random);
        var escaped = value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
        if (value == "&amp;")
        {
            escaped = value;
        }

        // Prefer a leaf's text: that is where ProcessIDs, codes and dates live.
        var leaves = context.Map.Elements.Where(e => e.Children.Count == 0 && !e.IsEmpty).ToArray();
        if (leaves.Length > 0 && random.Next(4) > 0)
        {
            var leaf = One(leaves, random);
            return new(string.Concat(xml.AsSpan(0, leaf.OpenEnd), escaped, xml.AsSpan(leaf.CloseStart)), $"{leaf.Name}=\"{Short(value)}\"");
        }

        return ReplaceOrInsertText(xml, random, context, escaped, Short(value));
    }

    private static Edit? PadText(string xml, Random random, Context context)
    {
        if (context.Map.RandomText(random) is not { } t)
        {
            return null;
        }

        var pad = One([" ", "  \n\t", "\r\n", "&#x20;", "&#9;", "\u3000", "\u00A0"], random);
        var padded = random.Next(2) == 0 ? pad + xml[t.Start..t.End] : xml[t.Start..t.End] + pad;
        return new(string.Concat(xml.AsSpan(0, t.Start), padded, xml.AsSpan(t.End)), $"in {t.Element?.Name}");
    }

    private static Edit? AddAttribute(string xml, Random random, Context context)
    {
        if (context.Map.RandomElement(random) is not { } e)
        {
            return null;
        }

        var attribute = random.Next(16) switch
        {
            0 => $"{RandomAsciiName(random)}=\"{RandomAsciiName(random)}\"",
            1 => One(["ID=\"Body\"", "ID=\"Letter\"", "ID=\"\"", "id=\"x\""], random),
            2 => One(["mimeCode=\"application/pdf\"", "mimeCode=\"\"", "mimeCode=\"x/y\"", "mimeCode=\"ไทย\""], random),
            3 => "xsi:nil=\"true\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
            4 => "xsi:nil=\"true\"",
            5 => "xml:lang=\"th\"",
            6 => $"xmlns:{One(["foo", "ram", "rsm", "SOAP-ENV", "wsa"], random)}=\"urn:other\"",
            7 => e.FirstAttribute(xml) ?? "a=\"1\" a=\"2\"",
            8 => string.Join(' ', Enumerable.Range(0, MaxAttributes + random.Next(-2, 3)).Select(i => $"a{i}=\"{i}\"")),
            9 => "v=\"<\"",
            10 => "v=\"a & b\"",
            11 => One(["v=\"&#x0;\"", "v=\"&#65;\"", "v=\"&lt;ok&gt;\"", "v=\"&undefined;\""], random),
            12 => "v=\"ค่า\tไทย\n\"",
            13 => $"v=\"{new string('v', random.Next(10_000, 200_000))}\"",
            14 => One(["novalue", "unquoted=bar", "=\"x\"", "v='single'", "v=\"open"], random),
            _ => "SOAP-ENV:mustUnderstand=\"1\"",
        };
        return new(InsertAttribute(xml, e, attribute), $"{e.Name} +{Short(attribute)}");
    }

    private static Edit? DeepNesting(string xml, Random random, Context context)
    {
        if (context.Map.RandomElement(random) is not { } e)
        {
            return null;
        }

        // The reader's depth of the deepest element after wrapping lands just inside or just outside the limit.
        var deepest = context.Map.Elements.Where(d => d == e || e.Contains(d)).Max(d => d.Depth);
        var target = random.Next(20) == 0 ? random.Next(1_000, 20_000) : MaxDepth - 1 + random.Next(-2, 3);
        var wrappers = Math.Max(1, target - deepest);
        var name = One(["w", e.Name, "CorrespondenceLetterInboundRequest", "ram:ID", "x:y"], random);
        var open = new StringBuilder();
        var close = new StringBuilder();
        for (var i = 0; i < wrappers; i++)
        {
            open.Append('<').Append(name).Append('>');
            close.Append("</").Append(name).Append('>');
        }

        var result = string.Concat(xml.AsSpan(0, e.Start), open.ToString(), xml.AsSpan(e.Start, e.Length), close.ToString()) + xml[e.End..];
        return new(result, $"{e.Name} in {wrappers} <{name}> (deepest {deepest + wrappers}, limit {MaxDepth})");
    }

    private static Edit? ManyElements(string xml, Random random, Context context)
    {
        // Stray <x/> inside an element, or copies of a small element beside it (enclosures, references, fields),
        // so that the whole message lands just inside or just outside the element limit.
        var small = context.Map.Elements.Where(e => e.Parent is not null && e.Length <= 160).ToArray();
        if (small.Length > 0 && random.Next(2) == 0)
        {
            var copied = One(small, random);
            var perCopy = 1 + context.Map.Elements.Count(copied.Contains);
            var copies = Math.Max(1, ((MaxElements - context.Map.Elements.Count) / perCopy) + random.Next(-2, 3));
            return new(xml.Insert(copied.End, string.Concat(Enumerable.Repeat(xml[copied.Start..copied.End], copies))),
                $"{copies:N0} copies of {copied.Name} (limit {MaxElements:N0} elements)");
        }

        if (context.Map.RandomElement(random, e => !e.IsEmpty) is not { } e)
        {
            return null;
        }

        var count = Math.Max(1, MaxElements - context.Map.Elements.Count + random.Next(-2, 3));
        var many = string.Concat(Enumerable.Repeat("<x/>", count));
        return new(xml.Insert(e.OpenEnd, many), $"{count:N0} in {e.Name} (limit {MaxElements:N0})");
    }

    private static Edit? InsertDoctype(string xml, Random random, Context context)
    {
        var (doctype, reference) = random.Next(7) switch
        {
            0 => ("<!DOCTYPE SOAP-ENV:Envelope>", null),
            1 => ("<!DOCTYPE x [<!ENTITY e \"ผี\">]>", "&e;"),
            2 => ("<!DOCTYPE x SYSTEM \"http://127.0.0.1:1/evil.dtd\">", null),
            3 => ("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;"),
            4 => ("<!DOCTYPE x [<!ENTITY % p SYSTEM \"file:///etc/hostname\"> %p;]>", null),
            5 => ("<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>", "&c;"),
            _ => ("<!DOCTYPE x>", null),
        };
        var at = random.Next(4) == 0 && context.Map.Elements.Count > 1 ? context.Map.Elements[random.Next(1, context.Map.Elements.Count)].Start : 0;
        var result = xml.Insert(at, doctype);
        if (reference is not null && Markup.Scan(result).RandomText(random) is { } t)
        {
            result = result.Insert(t.Start + random.Next(t.Length + 1), reference);
        }

        return new(result, $"{Short(doctype)} at {at}{(reference is null ? "" : " + " + reference)}");
    }

    private static Edit? EntityReference(string xml, Random random, Context context)
    {
        string[] references =
        [
            "&lt;", "&gt;", "&amp;", "&quot;", "&apos;", "&#65;", "&#x41;", "&#x0E01;", "&#3585;", "&#x1F600;",
            "&#0;", "&#x0;", "&#1;", "&#x8;", "&#xB;", "&#xC;", "&#x1F;", "&#xD800;", "&#xDBFF;&#xDC00;", "&#xDFFF;", "&#xFFFE;", "&#xFFFF;",
            "&#x110000;", "&#99999999999999999999;", "&#x;", "&#;", "&#-1;", "&#x-1;", "&#X41;", "&#x41", "&nbsp;", "&foo;", "&;", "& ;", "&#xD;", "&#13;",
        ];
        var reference = One(references, random);
        if (random.Next(4) == 0 && context.Map.RandomElement(random) is { } e)
        {
            return new(InsertAttribute(xml, e, $"v=\"a{reference}b\""), $"{reference} in an attribute of {e.Name}");
        }

        if (context.Map.RandomText(random) is { } t)
        {
            return new(xml.Insert(t.Start + random.Next(t.Length + 1), reference), $"{reference} in {t.Element?.Name}");
        }

        return context.Map.RandomElement(random, x => !x.IsEmpty) is { } leaf ? new(xml.Insert(leaf.OpenEnd, reference), $"{reference} in {leaf.Name}") : null;
    }

    private static Edit? EmptyBody(string xml, Random random, Context context)
    {
        if (context.Map.Elements.FirstOrDefault(e => e.LocalName == "Body" && e.Depth == 1) is not { } body)
        {
            return null;
        }

        return random.Next(4) switch
        {
            0 => new(string.Concat(xml.AsSpan(0, body.Start), $"<{body.Name}/>", xml.AsSpan(body.End)), "self-closed"),
            1 => new(string.Concat(xml.AsSpan(0, body.OpenEnd), " \n ", xml.AsSpan(body.CloseStart)), "whitespace only"),
            2 => new(string.Concat(xml.AsSpan(0, body.OpenEnd), "<!-- nothing -->", xml.AsSpan(body.CloseStart)), "comment only"),
            _ => new(string.Concat(xml.AsSpan(0, body.OpenEnd), xml.AsSpan(body.CloseStart)), "no content"),
        };
    }

    private static Edit? TwoOperations(string xml, Random random, Context context)
    {
        if (context.Map.Elements.FirstOrDefault(e => e.LocalName == "Body" && e.Depth == 1) is not { Children.Count: > 0 } body)
        {
            return null;
        }

        var operation = body.Children[0];
        var processId = context.StateValues.FirstOrDefault(v => v.Length == 13 && v[0] == 'Q') ?? "Q000000000001";
        var other = random.Next(8) switch
        {
            0 or 1 => xml[operation.Start..operation.End],
            2 => "<CorrespondenceLetterInboundRequest/>",
            3 => "<GetOrganizationList/>",
            4 => $"<CorrespondenceLetterDeleteRequest><ProcessID>{processId}</ProcessID></CorrespondenceLetterDeleteRequest>",
            5 => "<StealAllLetters/>",
            6 => "<TimeCheckRequest/>",
            _ => "junk text",
        };

        // Either a second operation in the body, or (for the outbound wrapper) a second payload in the operation.
        if (operation.Children.Count > 0 && random.Next(3) == 0)
        {
            var payload = random.Next(2) == 0
                ? "<ReceiveLetterNotifier><LetterID>x</LetterID><CorrespondenceDate>2024-06-11</CorrespondenceDate><Subject>s</Subject></ReceiveLetterNotifier>"
                : xml[operation.Children[0].Start..operation.Children[0].End];
            return new(xml.Insert(operation.CloseStart, payload), $"second payload in {operation.Name}");
        }

        var before = random.Next(2) == 0;
        return new(xml.Insert(before ? operation.Start : operation.End, other), $"{Short(other)} {(before ? "before" : "after")} {operation.Name}");
    }

    private static Edit? OddInsertion(string xml, Random random, Context context)
    {
        string[] insertions =
        [
            " ", "\n\t", "<!-- ความเห็น -->", "<!---->", "<!-- a -- b -->", "<?pi data?>", "<?xml version=\"1.0\"?>", "<?xml-stylesheet href=\"x\"?>",
            "<![CDATA[ข้อมูล]]>", "<![CDATA[]]>", "]]>", "<!-- unterminated", "<?", "\u00A0", "\r", "<!", "</>", "<>", "<a", "\u2028",
        ];
        var insertion = One(insertions, random);
        var (at, where) = random.Next(6) switch
        {
            0 => (0, "document start"),
            1 => (xml.Length, "document end"),
            2 when context.Map.RandomText(random) is { } t => (t.Start + random.Next(t.Length + 1), $"text of {t.Element?.Name}"),
            3 when context.Map.RandomElement(random) is { } e => (e.Start + 1 + random.Next(e.Name.Length + 1), $"start tag of {e.Name}"),
            4 when context.Map.RandomElement(random) is { } e => (e.OpenEnd - (e.IsEmpty ? 2 : 1), $"before > of {e.Name}"),
            _ when context.Map.RandomElement(random) is { } e => (random.Next(2) == 0 ? e.Start : e.End, $"beside {e.Name}"),
            _ => (0, "document start"),
        };
        return new(xml.Insert(at, insertion), $"{Short(insertion)} at {where}");
    }

    private static Edit? XmlDeclaration(string xml, Random random, Context context)
    {
        string[] declarations =
        [
            "<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>", "<?xml version=\"1.0\" encoding=\"utf8\"?>",
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<?xml version=\"1.0\" encoding=\"TIS-620\"?>",
            "<?xml version=\"1.1\"?>", "<?xml version=\"2.0\"?>", "<?xml encoding=\"UTF-8\"?>", "<?xml version='1.0' standalone='maybe'?>",
            " <?xml version=\"1.0\"?>", "<?XML version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"\"?>", "\n<?xml version=\"1.0\"?>\n",
        ];
        var declaration = One(declarations, random);
        return new(declaration + xml, Short(declaration));
    }

    private static Edit? TrailingContent(string xml, Random random, Context context)
    {
        var trailing = random.Next(6) switch
        {
            0 => "<SOAP-ENV:Envelope/>",
            1 => "garbage",
            2 => "<!-- after -->",
            3 => "<?after?>",
            4 => "\n \n",
            _ => xml,
        };
        return new(xml + trailing, Short(trailing));
    }

    private static Edit? WrapInCData(string xml, Random random, Context context) =>
        context.Map.RandomText(random) is { } t
            ? new(string.Concat(xml[..t.Start], "<![CDATA[", xml[t.Start..t.End], "]]>", xml[t.End..]), $"text of {t.Element?.Name}")
            : null;

    private static Edit? ReplaceOrInsertText(string xml, Random random, Context context, string text, string detail)
    {
        if (random.Next(3) > 0 && context.Map.RandomText(random) is { } t)
        {
            return new(string.Concat(xml.AsSpan(0, t.Start), text, xml.AsSpan(t.End)), $"{detail} replacing text of {t.Element?.Name}");
        }

        return context.Map.RandomElement(random, e => !e.IsEmpty) is { } e
            ? new(xml.Insert(random.Next(2) == 0 ? e.OpenEnd : e.CloseStart, text), $"{detail} into {e.Name}")
            : null;
    }

    private static string Rename(string xml, ElementSpan e, string newName, bool renameStart)
    {
        var result = xml;
        if (!e.IsEmpty)
        {
            result = string.Concat(result.AsSpan(0, e.CloseStart + 2), newName, result.AsSpan(e.CloseStart + 2 + e.Name.Length));
        }

        return renameStart ? string.Concat(result.AsSpan(0, e.Start + 1), newName, result.AsSpan(e.Start + 1 + e.Name.Length)) : result;
    }

    private static string InsertAttribute(string xml, ElementSpan e, string attribute)
    {
        var at = e.IsEmpty ? e.OpenEnd - 2 : e.OpenEnd - 1;
        return xml.Insert(at, " " + attribute);
    }

    private static string ToggleCase(string name, Random random) => random.Next(3) switch
    {
        0 => name.ToUpperInvariant(),
        1 => name.ToLowerInvariant(),
        _ => name.Length == 0 ? name : (char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) : char.ToUpperInvariant(name[0])) + name[1..],
    };

    private static string RandomAsciiName(Random random)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var length = random.Next(1, 13);
        return string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = letters[r.Next(letters.Length)];
            }
        });
    }

    private static string Short(string text)
    {
        var flat = text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
        return flat.Length <= 48 ? flat : string.Create(CultureInfo.InvariantCulture, $"{flat[..40]}…({text.Length:N0} chars)");
    }

    // ---- byte level ----

    private static (byte[], string) Truncate(byte[] bytes, Random random)
    {
        var at = random.Next(bytes.Length);
        return (bytes[..at], $"at {at} of {bytes.Length}");
    }

    private static (byte[], string) OverwriteBytes(byte[] bytes, Random random)
    {
        var copy = bytes.ToArray();
        var count = random.Next(1, 9);
        for (var i = 0; i < count && copy.Length > 0; i++)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return (copy, $"{count} bytes");
    }

    private static (byte[], string) InsertRandomBytes(byte[] bytes, Random random)
    {
        var noise = new byte[random.Next(1, 17)];
        random.NextBytes(noise);
        var at = random.Next(bytes.Length + 1);
        return ([.. bytes.AsSpan(0, at), .. noise, .. bytes.AsSpan(at)], $"{noise.Length} at {at}");
    }

    private static (byte[], string) RandomBytesInText(byte[] bytes, Random random)
    {
        // Just after a '>' that is followed by text, which is where element content starts.
        var starts = new List<int>();
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == '>' && bytes[i + 1] != '<')
            {
                starts.Add(i + 1);
            }
        }

        if (starts.Count == 0)
        {
            return InsertRandomBytes(bytes, random);
        }

        var at = starts[random.Next(starts.Count)];
        var noise = new byte[random.Next(1, 17)];
        random.NextBytes(noise);
        return ([.. bytes.AsSpan(0, at), .. noise, .. bytes.AsSpan(at)], $"{noise.Length} at {at}");
    }

    private static (byte[], string) InvalidUtf8(byte[] bytes, Random random)
    {
        byte[][] sequences =
        [
            [0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFE], [0xFF], [0xE0, 0xB8], [0xC3, 0x28],
        ];
        if (random.Next(3) == 0)
        {
            // Cut a multi-byte character (Thai is three bytes) in half.
            var leads = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] >= 0xC0).ToArray();
            if (leads.Length > 0)
            {
                var lead = leads[random.Next(leads.Length)];
                return ([.. bytes.AsSpan(0, lead + 1), .. bytes.AsSpan(Math.Min(bytes.Length, lead + 2))], $"continuation byte after {lead} removed");
            }
        }

        var sequence = sequences[random.Next(sequences.Length)];
        var at = random.Next(bytes.Length + 1);
        return ([.. bytes.AsSpan(0, at), .. sequence, .. bytes.AsSpan(at)], $"{Convert.ToHexString(sequence)} at {at}");
    }

    private static (byte[], string) ByteOrderMark(byte[] bytes, Random random)
    {
        byte[] utf8 = [0xEF, 0xBB, 0xBF];
        return random.Next(7) switch
        {
            0 => ([.. utf8, .. bytes], "UTF-8 BOM"),
            1 => ([.. utf8, .. utf8, .. bytes], "two UTF-8 BOMs"),
            2 => ([.. " "u8, .. utf8, .. bytes], "UTF-8 BOM after a space"),
            3 => ([0xFF, 0xFE, .. bytes], "UTF-16LE BOM on UTF-8"),
            4 => ([0xFE, 0xFF, .. bytes], "UTF-16BE BOM on UTF-8"),
            5 => ([0xFF, 0xFE, 0x00, 0x00, .. bytes], "UTF-32LE BOM on UTF-8"),
            _ => Inserted(bytes, random, utf8, "UTF-8 BOM inside"),
        };
    }

    private static (byte[], string) Inserted(byte[] bytes, Random random, byte[] insertion, string what)
    {
        var at = random.Next(bytes.Length + 1);
        return ([.. bytes.AsSpan(0, at), .. insertion, .. bytes.AsSpan(at)], $"{what} at {at}");
    }

    private static (byte[], string) DeleteRange(byte[] bytes, Random random)
    {
        var start = random.Next(bytes.Length);
        var length = Math.Min(bytes.Length - start, random.Next(1, 200));
        return ([.. bytes.AsSpan(0, start), .. bytes.AsSpan(start + length)], $"{length} at {start}");
    }

    private static (byte[], string) DuplicateRange(byte[] bytes, Random random)
    {
        var start = random.Next(bytes.Length);
        var length = Math.Min(bytes.Length - start, random.Next(1, 200));
        var at = random.Next(bytes.Length + 1);
        var range = bytes.AsSpan(start, length).ToArray();
        return ([.. bytes.AsSpan(0, at), .. range, .. bytes.AsSpan(at)], $"{length} from {start} to {at}");
    }

    private static (byte[], string) Reencode(byte[] bytes, Random random)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return random.Next(4) switch
        {
            0 => ([.. Encoding.Unicode.GetBytes(text)], "UTF-16LE without BOM"),
            1 => ([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)], "UTF-16BE with BOM"),
            2 => ([.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)], "UTF-32 with BOM"),
            _ => (Encoding.Latin1.GetBytes(text), "Latin-1 (Thai lost)"),
        };
    }

    [GeneratedRegex(@"(?<name>xmlns(:[^\s=]+)?)\s*=\s*""(?<uri>[^""]*)""")]
    private static partial Regex NamespaceDeclaration();

    private sealed record Edit(string Xml, string Detail);

    private sealed record Context(Markup Map, IReadOnlyList<string> StateValues);

    private sealed record XmlMutation(string Name, int Weight, Func<string, Random, Context, Edit?> Apply);

    private sealed record ByteMutation(string Name, int Weight, Func<byte[], Random, (byte[], string)> Apply);
}

/// <summary>An element found by <see cref="Markup"/>: offsets of its start tag, content and end tag in the text.</summary>
public sealed class ElementSpan
{
    public required string Name { get; init; }
    public required int Start { get; init; }
    public required int OpenEnd { get; init; }
    public int CloseStart { get; set; }
    public int End { get; set; }
    public required int Depth { get; init; }
    public required ElementSpan? Parent { get; init; }
    public List<ElementSpan> Children { get; } = [];
    public bool IsEmpty => OpenEnd == End;
    public int Length => End - Start;
    public string? Prefix => Name.Contains(':', StringComparison.Ordinal) ? Name[..Name.IndexOf(':', StringComparison.Ordinal)] : null;
    public string LocalName => Name.Contains(':', StringComparison.Ordinal) ? Name[(Name.IndexOf(':', StringComparison.Ordinal) + 1)..] : Name;

    public bool Contains(ElementSpan other) => other.Start > Start && other.End <= End && other != this;

    /// <summary>The first attribute of the start tag as written, e.g. <c>ID="Body"</c>.</summary>
    public string? FirstAttribute(string xml)
    {
        var tag = xml[(Start + 1 + Name.Length)..OpenEnd];
        var match = Regex.Match(tag, @"[^\s=/>]+\s*=\s*""[^""]*""");
        return match.Success ? match.Value : null;
    }
}

/// <summary>A text run between two tags, and the element it is in.</summary>
public sealed record TextSpan(int Start, int End, ElementSpan? Element)
{
    public int Length => End - Start;
}

/// <summary>
/// A tolerant map of the elements and text runs of a (possibly already broken) XML text: tags are matched by name
/// with a stack; comments, CDATA, PIs and DTDs are skipped; unmatched tags are left out. Good enough to aim the next
/// mutation, which is all it is for.
/// </summary>
public sealed class Markup
{
    private Markup(List<ElementSpan> elements, List<TextSpan> texts)
    {
        Elements = elements;
        Texts = texts;
    }

    /// <summary>Complete elements in document order (by start tag).</summary>
    public IReadOnlyList<ElementSpan> Elements { get; }

    public IReadOnlyList<TextSpan> Texts { get; }

    public static Markup Scan(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var started = new List<ElementSpan>();
        var complete = new HashSet<ElementSpan>();
        var texts = new List<TextSpan>();
        var open = new List<ElementSpan>();
        var i = 0;
        var textStart = 0;
        while (i < xml.Length)
        {
            if (xml[i] != '<')
            {
                i++;
                continue;
            }

            if (i > textStart)
            {
                texts.Add(new TextSpan(textStart, i, open.Count > 0 ? open[^1] : null));
            }

            int end;
            if (At(xml, i, "<!--"))
            {
                end = After(xml, i, "-->");
            }
            else if (At(xml, i, "<![CDATA["))
            {
                end = After(xml, i, "]]>");
            }
            else if (At(xml, i, "<?"))
            {
                end = After(xml, i, "?>");
            }
            else if (At(xml, i, "<!"))
            {
                end = After(xml, i, ">");
            }
            else
            {
                end = TagEnd(xml, i);
                var closing = i + 1 < xml.Length && xml[i + 1] == '/';
                var name = ReadName(xml, closing ? i + 2 : i + 1);
                if (closing)
                {
                    var at = open.FindLastIndex(e => e.Name == name);
                    if (at >= 0)
                    {
                        open[at].CloseStart = i;
                        open[at].End = end;
                        complete.Add(open[at]);
                        open.RemoveRange(at, open.Count - at);
                    }
                }
                else if (name.Length > 0 && end <= xml.Length && xml[end - 1] == '>')
                {
                    var parent = open.Count > 0 ? open[^1] : null;
                    var isEmpty = end >= 2 && xml[end - 2] == '/';
                    var element = new ElementSpan { Name = name, Start = i, OpenEnd = end, Depth = open.Count, Parent = parent };
                    started.Add(element);
                    if (isEmpty)
                    {
                        element.CloseStart = end;
                        element.End = end;
                        complete.Add(element);
                    }
                    else
                    {
                        open.Add(element);
                    }
                }
            }

            i = end;
            textStart = end;
        }

        var elements = started.Where(complete.Contains).ToList();
        foreach (var element in elements)
        {
            if (element.Parent is { } parent && complete.Contains(parent))
            {
                parent.Children.Add(element);
            }
        }

        return new Markup(elements, texts.Where(t => t.Length > 0).ToList());
    }

    public ElementSpan? RandomElement(Random random, Func<ElementSpan, bool>? where = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        var candidates = where is null ? Elements : Elements.Where(where).ToArray();
        return candidates.Count == 0 ? null : candidates[random.Next(candidates.Count)];
    }

    public TextSpan? RandomText(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Texts.Count == 0 ? null : Texts[random.Next(Texts.Count)];
    }

    private static bool At(string xml, int index, string token) => string.CompareOrdinal(xml, index, token, 0, token.Length) == 0;

    private static int After(string xml, int index, string close)
    {
        var end = xml.IndexOf(close, index + 2, StringComparison.Ordinal);
        return end < 0 ? xml.Length : end + close.Length;
    }

    private static int TagEnd(string xml, int index)
    {
        char? quote = null;
        for (var i = index + 1; i < xml.Length; i++)
        {
            var c = xml[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
            else if (c == '<')
            {
                return i;
            }
        }

        return xml.Length;
    }

    private static string ReadName(string xml, int index)
    {
        var end = index;
        while (end < xml.Length && !char.IsWhiteSpace(xml[end]) && xml[end] is not ('>' or '/' or '<'))
        {
            end++;
        }

        return xml[index..end];
    }
}

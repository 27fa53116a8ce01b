using Microsoft.Data.Sqlite;

namespace ECms.ReferenceAgency.Storage;

internal sealed partial class StoreSession
{
    private const string Outbound = "outbound";
    private const string Inbound = "inbound";

    private void InsertFiles(string direction, long letterRow, IEnumerable<StoredFile> files)
    {
        foreach (var file in files)
        {
            Execute("""
                INSERT INTO files (direction, letter_row, role, ordinal, file_name, mime_type, content, size, sha256, problem)
                VALUES ($direction, $row, $role, $ordinal, $name, $mime, $content, $size, $sha, $problem)
                """,
                ("$direction", direction), ("$row", letterRow), ("$role", file.Role == FileRole.Main ? "main" : "attachment"),
                ("$ordinal", file.Ordinal), ("$name", file.FileName), ("$mime", file.MimeType), ("$content", file.Content),
                ("$size", file.Size), ("$sha", file.Sha256), ("$problem", file.Problem));
        }
    }

    private void DeleteFiles(string direction, long letterRow) =>
        Execute("DELETE FROM files WHERE direction = $direction AND letter_row = $row", ("$direction", direction), ("$row", letterRow));

    private List<StoredFile> FilesOf(string direction, long letterRow, bool withContent) =>
        Query($"""
            SELECT role, ordinal, file_name, mime_type, {(withContent ? "content" : "NULL AS content")}, size, sha256, problem
            FROM files WHERE direction = $direction AND letter_row = $row ORDER BY role DESC, ordinal
            """,
            ReadFile, ("$direction", direction), ("$row", letterRow));

    private static StoredFile ReadFile(SqliteDataReader r) => new(
        Text(r, "role") == "main" ? FileRole.Main : FileRole.Attachment,
        r.GetInt32(r.GetOrdinal("ordinal")),
        NullableString(r, "file_name"),
        Text(r, "mime_type"),
        r.IsDBNull(r.GetOrdinal("content")) ? null : (byte[])r["content"],
        r.IsDBNull(r.GetOrdinal("size")) ? null : r.GetInt64(r.GetOrdinal("size")),
        NullableString(r, "sha256"),
        NullableString(r, "problem"));
}

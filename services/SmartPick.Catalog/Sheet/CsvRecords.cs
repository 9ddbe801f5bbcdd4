using System.Text;

namespace SmartPick.Catalog.Sheet;

/// <summary>
/// Splits CSV text into records per RFC 4180, reading lines ended by CRLF, LF or CR. A quoted cell may hold
/// commas, doubled quotes and line breaks (kept as written). Quote mistakes are reported with the line the
/// record starts on and the column of the cell (named from <c>columns</c>, the tracking sheet's by default), and
/// that record is not read further.
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<SheetRecord> Read(TextReader reader, IReadOnlyList<string>? columns = null)
    {
        columns ??= SheetColumns.InOrder;
        var line = 1;
        var first = true;
        while (true)
        {
            var startLine = line;
            var cells = new List<string>();
            var problems = new List<SheetIssue>();
            var cell = new StringBuilder();
            var atRecordStart = true;
            var ended = false;

            void Problem(string message) => problems.Add(new SheetIssue(startLine, ColumnName(columns, cells.Count), cell.ToString(), message));

            while (true)
            {
                var c = reader.Read();
                if (first && c == '\uFEFF') { first = false; continue; }
                first = false;
                if (c == -1) { ended = true; break; }
                atRecordStart = false;

                if (c == '"' && cell.Length == 0)
                {
                    // A quoted cell: read to the closing quote, "" is one quote.
                    var closed = false;
                    while (true)
                    {
                        var q = reader.Read();
                        if (q == -1) break;
                        if (q == '"')
                        {
                            if (reader.Peek() == '"') { reader.Read(); cell.Append('"'); continue; }
                            closed = true;
                            break;
                        }
                        if (q == '\n' || (q == '\r' && reader.Peek() != '\n')) line++;
                        cell.Append((char)q);
                    }
                    if (!closed)
                    {
                        Problem("a quoted cell is never closed (a missing closing quote swallows the rest of the file)");
                        ended = true;
                        break;
                    }
                    var next = reader.Peek();
                    if (next != ',' && next != '\r' && next != '\n' && next != -1)
                    {
                        Problem("text follows the closing quote of a quoted cell; a quote inside a quoted cell must be doubled (\"\")");
                        SkipRestOfLine(reader, ref line);
                        break;
                    }
                    continue;
                }

                if (c == '"')
                {
                    Problem("a quote inside an unquoted cell; quote the whole cell and double the inner quote (\"\")");
                    SkipRestOfLine(reader, ref line);
                    break;
                }
                if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); continue; }
                if (c == '\r' || c == '\n')
                {
                    if (c == '\r' && reader.Peek() == '\n') reader.Read();
                    line++;
                    break;
                }
                cell.Append((char)c);
            }

            if (ended && atRecordStart) yield break;
            if (problems.Count == 0) cells.Add(cell.ToString());
            yield return new SheetRecord(startLine, cells, problems);
            if (ended) yield break;
        }
    }

    private static string? ColumnName(IReadOnlyList<string> columns, int index) =>
        index < columns.Count ? columns[index] : null;

    private static void SkipRestOfLine(TextReader reader, ref int line)
    {
        while (true)
        {
            var c = reader.Read();
            if (c == -1) return;
            if (c == '\n') { line++; return; }
            if (c == '\r')
            {
                if (reader.Peek() == '\n') reader.Read();
                line++;
                return;
            }
        }
    }
}

using System.Text.Json;

namespace CredIr.Playbook.Trail;

/// <summary>
/// The resumable state machine behind <see cref="CloudTrailStreamReader"/>: finds complete records in
/// a buffer, remembering across calls where it is in the document (root object, Records array, done).
/// </summary>
internal sealed class RecordScanner
{
    private static readonly byte[] RecordsName = "Records"u8.ToArray();

    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
    private Phase _phase = Phase.Start;
    private int _recordDepth;

    private enum Phase
    {
        Start,
        RootObject,
        RecordsArrayExpected,
        InRecords,
        Finished,
    }

    public bool Finished => _phase == Phase.Finished;

    /// <summary>Adds the (start, length) of each complete record to <paramref name="records"/>; returns the bytes consumed.</summary>
    public int Scan(ReadOnlySpan<byte> data, bool isFinalBlock, List<(int Start, int Length)> records)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock, _state);
        var committed = 0;
        var committedState = _state;
        while (_phase != Phase.Finished)
        {
            if (!reader.Read())
            {
                break;
            }

            if (!Step(ref reader, records, out var incomplete))
            {
                break;
            }

            if (incomplete)
            {
                // Roll back to the last token boundary; the caller brings more bytes.
                _state = committedState;
                return committed;
            }

            committed = (int)reader.BytesConsumed;
            committedState = reader.CurrentState;
        }

        _state = committedState;
        return committed;
    }

    private bool Step(ref Utf8JsonReader reader, List<(int Start, int Length)> records, out bool incomplete)
    {
        incomplete = false;
        switch (_phase)
        {
            case Phase.Start when reader.TokenType == JsonTokenType.StartArray:
                _phase = Phase.InRecords;
                _recordDepth = 1;
                return true;
            case Phase.Start when reader.TokenType == JsonTokenType.StartObject:
                _phase = Phase.RootObject;
                return true;
            case Phase.Start:
                throw new JsonException("A CloudTrail log file holds an object with Records or an array of records.");
            case Phase.RootObject when reader.TokenType == JsonTokenType.EndObject:
                _phase = Phase.Finished;
                return true;
            case Phase.RootObject when reader.TokenType == JsonTokenType.PropertyName:
                if (reader.ValueTextEquals(RecordsName))
                {
                    _phase = Phase.RecordsArrayExpected;
                    return true;
                }

                // Any other top-level property: skip its value whole, or wait for more bytes.
                incomplete = !reader.TrySkip();
                return true;
            case Phase.RecordsArrayExpected when reader.TokenType == JsonTokenType.StartArray:
                _phase = Phase.InRecords;
                _recordDepth = 2;
                return true;
            case Phase.RecordsArrayExpected when reader.TokenType == JsonTokenType.Null:
                _phase = Phase.RootObject;
                return true;
            case Phase.RecordsArrayExpected:
                throw new JsonException("Records is not an array.");
            case Phase.InRecords when reader.TokenType == JsonTokenType.EndArray:
                _phase = _recordDepth == 1 ? Phase.Finished : Phase.RootObject;
                return true;
            case Phase.InRecords when reader.TokenType == JsonTokenType.StartObject:
                var start = (int)reader.TokenStartIndex;
                if (!reader.TrySkip())
                {
                    incomplete = true;
                    return true;
                }

                records.Add((start, (int)reader.BytesConsumed - start));
                return true;
            case Phase.InRecords:
                throw new JsonException($"Expected a record object in the records array, found {reader.TokenType}.");
            default:
                return false;
        }
    }
}

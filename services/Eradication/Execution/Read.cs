using CredIr.Eradication.Cloud;

namespace CredIr.Eradication.Execution;

/// <summary>Small helpers for reading state before a write: a list of what remains, empty when its owner is gone.</summary>
internal static class Read
{
    public static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items, CancellationToken ct)
    {
        var list = new List<T>();
        await foreach (var item in items.WithCancellation(ct))
        {
            list.Add(item);
        }

        return list;
    }

    public static async Task<List<T>> OrEmptyAsync<T>(Func<Task<List<T>>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (AwsCodes.IsGone(e))
        {
            return [];
        }
    }
}

using CredIr.Sandbox.Model;
using CredIr.Sandbox.Services.Athena;
using DuckDB.NET.Data;

namespace CredIr.Sandbox;

/// <summary>
/// The sandbox's Athena engine: per-account catalogs and query executions, run in the background on DuckDB over
/// the trail's log files (one query at a time), results kept for GetQueryResults and written as CSV to the output
/// location in the sandbox's S3. <see cref="HoldQueries"/> keeps a workgroup's queries RUNNING (to rehearse a slow
/// query or StopQueryExecution deterministically).
/// </summary>
public sealed class SandboxAthena : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SandboxState _state;
    private readonly Dictionary<string, AthenaAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource> _holds = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _engine = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly TrailSnapshot _snapshot;
    private int _started;

    internal SandboxAthena(SandboxState state, SandboxTrail trail)
    {
        _state = state;
        _snapshot = new TrailSnapshot(trail, state.OrganizationId, Path.Combine(Path.GetTempPath(), "credir-sandbox-athena-" + Guid.NewGuid().ToString("N")));
    }

    /// <summary>Query executions started so far, in every account.</summary>
    public int QueriesStarted => Volatile.Read(ref _started);

    /// <summary>Queries of <paramref name="workGroup"/> stay RUNNING until the returned handle is disposed (or they are stopped).</summary>
    public IDisposable HoldQueries(string workGroup)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _holds[workGroup] = release;
        }

        return new Release(() =>
        {
            lock (_gate)
            {
                if (_holds.GetValueOrDefault(workGroup) == release)
                {
                    _holds.Remove(workGroup);
                }
            }

            release.TrySetResult();
        });
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _engine.Wait(TimeSpan.FromSeconds(10));
        _snapshot.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Runs <paramref name="action"/> on an account's Athena under the lock.</summary>
    internal T With<T>(string accountId, Func<AthenaAccount, T> action)
    {
        lock (_gate)
        {
            if (!_accounts.TryGetValue(accountId, out var account))
            {
                account = new AthenaAccount(_state.Clock.GetUtcNow());
                _accounts[accountId] = account;
            }

            return action(account);
        }
    }

    internal void Start(AthenaExecution execution)
    {
        Interlocked.Increment(ref _started);
        _ = Task.Run(() => RunAsync(execution));
    }

    /// <summary>Marks a queued or running query CANCELLED; a finished one stays as it is (as Athena does).</summary>
    internal void Stop(AthenaExecution execution)
    {
        lock (execution.Gate)
        {
            if (execution.Finished)
            {
                return;
            }

            execution.State = "CANCELLED";
            execution.Reason = "Query was cancelled by the user";
            execution.Completed = _state.Clock.GetUtcNow();
        }

        execution.Cancel.Cancel();
    }

    private async Task RunAsync(AthenaExecution execution)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(execution.Cancel.Token, _stopping.Token);
        var ct = linked.Token;
        try
        {
            Transition(execution, "QUEUED", "RUNNING");
            Task? hold;
            lock (_gate)
            {
                hold = _holds.GetValueOrDefault(execution.WorkGroup)?.Task;
            }

            if (hold is not null)
            {
                await hold.WaitAsync(ct);
            }

            var statement = AthenaStatement.Parse(execution.Query, execution.Database ?? AthenaAccount.DefaultDatabase);
            var failure = statement switch
            {
                AthenaStatement.Select select => await SelectAsync(execution, select, ct),
                AthenaStatement.Unsupported unsupported => unsupported.Reason,
                _ => Ddl(execution, statement),
            };
            if (failure is null)
            {
                Transition(execution, "RUNNING", "SUCCEEDED");
            }
            else
            {
                Fail(execution, failure);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped by the user (already CANCELLED) or the sandbox is shutting down.
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The background task is the query's whole life: whatever goes wrong must end it FAILED, never leave it RUNNING.
            Fail(execution, Reason(e));
        }
    }

    private string? Ddl(AthenaExecution execution, AthenaStatement statement)
    {
        execution.StatementType = "DDL";
        return With(execution.AccountId, account =>
        {
            switch (statement)
            {
                case AthenaStatement.CreateDatabase db:
                    return account.Databases.Add(db.Name) || db.IfNotExists ? null : $"FAILED: AlreadyExistsException: Database {db.Name} already exists";
                case AthenaStatement.CreateTable create:
                    var table = create.Table;
                    if (!account.Databases.Contains(table.Database))
                    {
                        return $"FAILED: SemanticException [Error 10072]: Database does not exist: {table.Database}";
                    }

                    if (account.Tables.ContainsKey((table.Database, table.Name)))
                    {
                        return create.IfNotExists ? null : $"FAILED: AlreadyExistsException: Table {table.Database}.{table.Name} already exists";
                    }

                    account.Tables[(table.Database, table.Name)] = table;
                    return null;
                case AthenaStatement.DropTable drop:
                    return account.Tables.Remove((drop.Database, drop.Name)) || drop.IfExists ? null : $"FAILED: SemanticException [Error 10001]: Table not found {drop.Database}.{drop.Name}";
                default:
                    return "NOT_SUPPORTED: statement not supported";
            }
        });
    }

    private async Task<string?> SelectAsync(AthenaExecution execution, AthenaStatement.Select select, CancellationToken ct)
    {
        var database = execution.Database ?? AthenaAccount.DefaultDatabase;
        var tables = With(execution.AccountId, account => account.Tables.Values.ToList());
        if (!tables.Any(t => t.Database == database) && !With(execution.AccountId, a => a.Databases.Contains(database)))
        {
            return $"SCHEMA_NOT_FOUND: Schema '{database}' does not exist";
        }

        QueryOutcome outcome;
        await _engine.WaitAsync(ct);
        try
        {
            var files = await _snapshot.FilesAsync(ct);
            outcome = DuckDbQuery.Run(select.Sql, database, tables, files, ct);
        }
        finally
        {
            _engine.Release();
        }

        if (WriteCsv(execution, outcome) is { } failure)
        {
            return failure;
        }

        lock (execution.Gate)
        {
            execution.Columns = outcome.Columns;
            execution.Rows = outcome.Rows;
            execution.BytesScanned = outcome.BytesScanned;
            execution.EngineMillis = outcome.EngineMillis;
        }

        return null;
    }

    private string? WriteCsv(AthenaExecution execution, QueryOutcome outcome)
    {
        var location = execution.OutputLocation[5..];
        var slash = location.IndexOf('/', StringComparison.Ordinal);
        var bucketName = slash < 0 ? location : location[..slash];
        var prefix = slash < 0 ? string.Empty : location[(slash + 1)..];
        if (prefix.Length > 0 && !prefix.EndsWith('/'))
        {
            prefix += "/";
        }

        var csv = AthenaValues.Csv(outcome.Columns, outcome.Rows);
        lock (_state.Gate)
        {
            var bucket = _state.Accounts.Select(a => a.Buckets.GetValueOrDefault(bucketName)).FirstOrDefault(b => b is not null);
            if (bucket is null)
            {
                return $"Unable to verify/create output bucket {bucketName}";
            }

            var key = prefix + execution.Id + ".csv";
            if (!bucket.Versioning)
            {
                bucket.Versions.RemoveAll(v => v.Key == key);
            }

            bucket.Versions.Add(new S3ObjectVersion(key, bucket.Versioning ? _state.Ids.Alnum(32) : "null", csv, Services.S3.S3ETag.Of(csv), _state.Clock.GetUtcNow(), "text/csv"));
        }

        return null;
    }

    private void Transition(AthenaExecution execution, string from, string to)
    {
        lock (execution.Gate)
        {
            if (execution.State != from)
            {
                return;
            }

            execution.State = to;
            if (to == "SUCCEEDED")
            {
                execution.Completed = _state.Clock.GetUtcNow();
            }
        }
    }

    private void Fail(AthenaExecution execution, string reason)
    {
        lock (execution.Gate)
        {
            if (execution.Finished)
            {
                return;
            }

            execution.State = "FAILED";
            execution.Reason = reason;
            execution.Completed = _state.Clock.GetUtcNow();
        }
    }

    /// <summary>DuckDB's error as Athena words its own: an error name, then the engine's first line.</summary>
    private static string Reason(Exception e)
    {
        var message = e.Message.Split('\n')[0].Trim();
        var code = message switch
        {
            _ when message.StartsWith("Parser Error", StringComparison.Ordinal) => "SYNTAX_ERROR",
            _ when message.StartsWith("Catalog Error", StringComparison.Ordinal) => "TABLE_NOT_FOUND",
            _ when message.StartsWith("Binder Error", StringComparison.Ordinal) => "COLUMN_NOT_FOUND",
            _ when message.StartsWith("Conversion Error", StringComparison.Ordinal) => "INVALID_CAST_ARGUMENT",
            _ when e is not DuckDBException => "GENERIC_INTERNAL_ERROR",
            _ => "GENERIC_USER_ERROR",
        };
        return $"{code}: {message}";
    }

    private sealed class Release(Action release) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                release();
            }
        }
    }
}

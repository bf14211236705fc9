using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Withings.Portal.Data;

/// <summary>
/// The key ring's storage in the database, read and written only once its table exists. Requests wait for the whole
/// database preparation anyway (<see cref="DatabaseReadyGate"/>); this covers the one request let through earlier, the
/// start-up rehearsal (<see cref="Content.StartupRehearsal"/>), which renders a page while the migrations run and
/// needs the key ring only at the end of its rendering.
/// </summary>
internal sealed class KeyRingAfterMigration(IXmlRepository stored, DatabaseReadiness database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        WaitForTheTable();
        return stored.GetAllElements();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        WaitForTheTable();
        stored.StoreElement(element, friendlyName);
    }

    // Data Protection reads and writes its keys synchronously; the wait happens at most once per process, at start-up.
    private void WaitForTheTable()
    {
        if (!database.Migrated.IsCompletedSuccessfully)
        {
            database.Migrated.GetAwaiter().GetResult();
        }
    }
}

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Catalog</name>
    <message>
        <location filename="../core/catalog/catalog.cpp" line="+74"/>
        <source>a style needs a handle and a title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a variant needs a SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>a location needs a code and a name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsoleOptions</name>
    <message>
        <location filename="../app/console/consoleoptions.cpp" line="+25"/>
        <source>Ledgerdesk console: stock availability and the health of every channel.</source>
        <translation>Ledgerdesk-Konsole: Bestandsverfügbarkeit und der Zustand jedes Kanals.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open the ledger at &lt;path&gt; instead of the default one (also LEDGERDESK_LEDGER).</source>
        <translation>Das Hauptbuch unter &lt;Pfad&gt; statt des Standardbuchs öffnen (auch LEDGERDESK_LEDGER).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a throwaway demo ledger in a temporary folder; nothing is kept after closing.</source>
        <translation>Ein Demo-Hauptbuch in einem temporären Ordner öffnen; nach dem Schließen bleibt nichts erhalten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unexpected argument: %1</source>
        <translation>unerwartetes Argument: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--ledger and --demo cannot be combined</source>
        <translation>--ledger und --demo lassen sich nicht kombinieren</translation>
    </message>
</context>
<context>
    <name>CsvInput</name>
    <message>
        <location filename="../core/importing/csvinput.cpp" line="+29"/>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>the row has %1 fields but the header names %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the file is empty; expected a header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>the header lacks required column(s): %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <location filename="../core/io/csvreader.cpp" line="+73"/>
        <source>a quoted field that starts here is never closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the line is longer than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>binary data (a NUL byte), not CSV text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not valid UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>a stray quote, or text after a closing quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot be parsed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvWriter</name>
    <message>
        <location filename="../core/io/csvwriter.cpp" line="+40"/>
        <source>cannot write: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExceptionResolver</name>
    <message>
        <source>the ERP is adjusted on on-hand figures it reported; this exception has none</source>
        <translation>das ERP wird anhand der gemeldeten Lagerbestände korrigiert; diese Ausnahme hat keinen</translation>
    </message>
    <message>
        <source>Ledgerdesk correction, exception %1</source>
        <translation>Ledgerdesk-Korrektur, Ausnahme %1</translation>
    </message>
    <message>
        <source>%1 takes no inventory writes: count the stock there, or accept its figure</source>
        <translation>%1 nimmt keine Bestandsänderungen an: zählen Sie den Bestand dort oder übernehmen Sie dessen Zahl</translation>
    </message>
    <message>
        <source>the ERP reported no figure to adjust from</source>
        <translation>das ERP hat keine Zahl gemeldet, von der aus korrigiert werden kann</translation>
    </message>
    <message>
        <source>exception %1 has no figure to send</source>
        <translation>Ausnahme %1 hat keine Zahl zum Senden</translation>
    </message>
    <message>
        <location filename="../core/sync/exceptionresolver.cpp" line="+58"/>
        <source>accepted the external value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>kept the ledger value and queued it for delivery</source>
        <translation>Wert des Ledgers behalten und zur Übermittlung eingereiht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>set the value to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a resolution needs the person making it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+102"/>
        <source>no open exception %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-96"/>
        <source>exception %1 is not about an inventory figure; retry or ignore it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 or %2 is not in the catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the external value &quot;%1&quot; is not a quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+80"/>
        <source>exception %1 has no failed push to retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the push behind exception %1 is not waiting for a retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>retried with the original idempotency key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>ignoring an exception needs a reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExceptionStore</name>
    <message>
        <location filename="../core/sync/exceptionstore.cpp" line="+153"/>
        <source>exception %1 is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>no open exception %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>a note needs text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <location filename="../core/sync/inbox.cpp" line="+12"/>
        <source>an inbound event needs a system and an id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InventoryImporter</name>
    <message>
        <location filename="../core/importing/inventoryimporter.cpp" line="+150"/>
        <location line="+155"/>
        <source>cancelled; nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-137"/>
        <source>&quot;%1&quot; is not a whole number; quantities have no decimals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; is not a quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the SKU is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unknown SKU &quot;%1&quot;; import the products first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the location is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>unknown location &quot;%1&quot;; import the locations first or allow creating them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>on hand %1 would leave available at %2: %3 of the %4 on hand are committed or otherwise unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>on hand set to %1 (line %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <location filename="../core/ledger/ledger.cpp" line="+93"/>
        <source>posting %1 (%2/%3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cancelled; nothing was posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>a transfer moves a positive quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a transfer needs two different locations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+111"/>
        <source>%1 balance(s) recomputed from %2 movement(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ledgerdesk::Core::DemoSeeder</name>
    <message>
        <location filename="../core/demo/demoseeder.cpp" line="+77"/>
        <source>Opening stock of the demo ledger</source>
        <translation>Anfangsbestand des Demo-Hauptbuchs</translation>
    </message>
</context>
<context>
    <name>Ledgerdesk::Core::Money</name>
    <message>
        <location filename="../core/domain/money.cpp" line="+64"/>
        <source>&quot;%1&quot; is not an ISO-4217 currency code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is not a decimal amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>amount &quot;%1&quot; is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; has more decimals than %2 allows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ledgerdesk::Core::Schema</name>
    <message>
        <location filename="../core/store/schema.cpp" line="+163"/>
        <source>the ledger has schema version %1, newer than this program understands (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ledgerdesk::Core::Timestamp</name>
    <message>
        <location filename="../core/domain/timestamp.cpp" line="+16"/>
        <source>&quot;%1&quot; is not an ISO-8601 time with a zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;%1&quot; is not a valid date and time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ledgerdesk::Ui::AvailabilityModel</name>
    <message>
        <location filename="../ui/models/availabilitymodel.cpp" line="+208"/>
        <source>%1 — %2 (%3)
at %4 (%5)</source>
        <translation>%1 — %2 (%3)
in %4 (%5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Barcode %1</source>
        <translation>Barcode %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Available %1 · committed %2 · reserved %3 · damaged %4 · quality control %5 · safety stock %6 · incoming %7</source>
        <translation>Verfügbar %1 · zugesagt %2 · reserviert %3 · beschädigt %4 · Qualitätskontrolle %5 · Sicherheitsbestand %6 · im Zulauf %7</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Out of stock</source>
        <translation>Ausverkauft</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Low stock</source>
        <translation>Niedriger Bestand</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Units that can be sold now</source>
        <translation>Einheiten, die jetzt verkauft werden können</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Units promised to open orders, not yet shipped</source>
        <translation>Offenen Bestellungen zugesagte, noch nicht versandte Einheiten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Units physically at the location, in any state</source>
        <translation>Physisch am Standort vorhandene Einheiten, in jedem Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Units on their way in, not yet part of on hand</source>
        <translation>Einheiten im Zulauf, noch nicht im physischen Bestand</translation>
    </message>
    <message>
        <location line="-196"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Style</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Color</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committed</source>
        <translation>Zugesagt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On hand</source>
        <translation>Physisch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incoming</source>
        <translation>Im Zulauf</translation>
    </message>
</context>
<context>
    <name>Ledgerdesk::Ui::AvailabilityPage</name>
    <message>
        <location filename="../ui/pages/availabilitypage.cpp" line="+83"/>
        <source>Search SKU, style or barcode</source>
        <translation>SKU, Artikel oder Barcode suchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A SKU or style beginning, words of the title, or an exact barcode</source>
        <translation>Anfang einer SKU oder eines Artikels, Wörter des Titels oder ein exakter Barcode</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Location:</source>
        <translation>&amp;Standort:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Low stock only (≤ %1)</source>
        <translation>Nur niedriger Bestand (≤ %1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Out of stock</source>
        <translation>Ausverkauft</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Low (≤ %1)</source>
        <translation>Niedrig (≤ %1)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>SKU × locations shown: %1</source>
        <translation>Angezeigte SKU × Standorte: %1</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>All locations</source>
        <translation>Alle Standorte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No stock matches these filters.</source>
        <translation>Kein Bestand passt zu diesen Filtern.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This ledger holds no stock yet.

Import a catalogue and stock counts with ledgerdesk-cli, or create a demo ledger with “ledgerdesk-cli demo” to look around.</source>
        <translation>Dieses Hauptbuch enthält noch keinen Bestand.

Importieren Sie einen Katalog und Inventurzählungen mit ledgerdesk-cli oder legen Sie mit „ledgerdesk-cli demo“ ein Demo-Hauptbuch zum Ausprobieren an.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The ledger could not be read: %1</source>
        <translation>Das Hauptbuch konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>Ledgerdesk::Ui::FreshnessLabel</name>
    <message>
        <location filename="../ui/widgets/freshnesslabel.cpp" line="+32"/>
        <source>no stock recorded yet</source>
        <translation>noch kein Bestand erfasst</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>updated %1 s ago</source>
        <translation>vor %1 s aktualisiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>updated %1 min ago</source>
        <translation>vor %1 min aktualisiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>updated %1 h ago</source>
        <translation>vor %1 h aktualisiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>updated on %1</source>
        <translation>aktualisiert am %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Newest stock change: %1</source>
        <translation>Jüngste Bestandsänderung: %1</translation>
    </message>
</context>
<context>
    <name>Ledgerdesk::Ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+35"/>
        <source>Ledgerdesk — %1</source>
        <translation>Ledgerdesk — %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Ledgerdesk</source>
        <translation>Ü&amp;ber Ledgerdesk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The ledger this window shows</source>
        <translation>Das Hauptbuch, das dieses Fenster zeigt</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ledger: %1 (%2)</source>
        <translation>Hauptbuch: %1 (%2)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>About Ledgerdesk</source>
        <translation>Über Ledgerdesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Ledgerdesk %1&lt;/h3&gt;&lt;p&gt;One inventory ledger for every channel: what is available, where, and why it changed.&lt;/p&gt;&lt;p&gt;Ledger: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ledgerdesk %1&lt;/h3&gt;&lt;p&gt;Ein Bestandshauptbuch für alle Kanäle: was verfügbar ist, wo, und warum es sich geändert hat.&lt;/p&gt;&lt;p&gt;Hauptbuch: %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LocationImporter</name>
    <message>
        <location filename="../core/importing/locationimporter.cpp" line="+66"/>
        <source>the code is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>code &quot;%1&quot; contains a space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>code &quot;%1&quot; already appears on line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the name is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>name &quot;%1&quot; already appears on line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>kind &quot;%1&quot; is not one of warehouse, retail, 3pl, trade_show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>name &quot;%1&quot; already belongs to location %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>%1 takes no &quot;%2&quot; rows; nothing was queued</source>
        <translation>%1 nimmt keine „%2“-Einträge an; nichts wurde eingereiht</translation>
    </message>
    <message>
        <location filename="../core/sync/outbox.cpp" line="+53"/>
        <source>an outbox row needs a key, a target and a kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>idempotency key %1 was already used for a different request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+54"/>
        <location line="+15"/>
        <source>outbox row %1 is not in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+53"/>
        <source>outbox row %1 is not a dead letter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OwnershipMap</name>
    <message>
        <location filename="../core/sync/ownershipmap.cpp" line="+44"/>
        <source>ownership needs a kind of data, a system and who changes it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostingWriter</name>
    <message>
        <location filename="../core/ledger/postingwriter.cpp" line="+93"/>
        <source>a posting needs a source and a reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a posting needs an actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a posting needs at least one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an override needs a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a movement line must change a quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>quantity change %1 is beyond the %2 limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>finding the earlier posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>posting vanished during the transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1/%2 was already posted with different lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>recording posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>auditing override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>unknown variant %1 or location %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>updating balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 would become %2 (variant %3, location %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>available would become %1 (variant %2, location %3); an override with a reason is required</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductImporter</name>
    <message>
        <location filename="../core/importing/productimporter.cpp" line="+125"/>
        <source>&quot;%1&quot; is not a currency code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the row has neither a URL handle nor a Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the first row of the new product &quot;%1&quot; needs a Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>option value &quot;%1&quot; has no option name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;%1&quot; is not a price: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a variant row needs a SKU; the ledger tracks stock by SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SKU &quot;%1&quot; already appears on line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>skipped: the product &quot;%1&quot; is not valid (line %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+39"/>
        <source>cancelled; nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/console/main.cpp" line="+34"/>
        <source>Ledgerdesk</source>
        <translation>Ledgerdesk</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No temporary folder for the demo ledger: %1</source>
        <translation>Kein temporärer Ordner für das Demo-Hauptbuch: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The ledger could not be opened:
%1</source>
        <translation>Das Hauptbuch konnte nicht geöffnet werden:
%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The demo ledger could not be created:
%1</source>
        <translation>Das Demo-Hauptbuch konnte nicht angelegt werden:
%1</translation>
    </message>
</context>
<context>
    <name>ShopifyLevelSync</name>
    <message>
        <source>Shopify's answer for location %1 has no inventory levels</source>
        <translation>Shopifys Antwort für den Lagerort %1 enthält keine Bestände</translation>
    </message>
    <message>
        <source>the ledger and Shopify agree again</source>
        <translation>Ledger und Shopify stimmen wieder überein</translation>
    </message>
</context>
<context>
    <name>ShopifyGraphqlClient</name>
    <message>
        <source>sync was stopped</source>
        <translation>die Synchronisierung wurde angehalten</translation>
    </message>
</context>
<context>
    <name>ErpClient</name>
    <message>
        <source>sync was stopped</source>
        <translation>die Synchronisierung wurde angehalten</translation>
    </message>
</context>
<context>
    <name>Ledgerdesk::Core::WmsConnector</name>
    <message>
        <source>%1; the counts on the lines before it were applied</source>
        <translation>%1; die Zählungen der Zeilen davor wurden übernommen</translation>
    </message>
</context>
<context>
    <name>Ledgerdesk::Ui::ExceptionDetailPane</name>
    <message>
        <source>%1
What to do: %2</source>
        <translation>%1
Was zu tun ist: %2</translation>
    </message>
</context>
<context>
    <name>ErpAdjustmentPusher</name>
    <message>
        <source>an %1 row names no line</source>
        <translation>eine %1-Zeile nennt keine Position</translation>
    </message>
</context>
<context>
    <name>LedgerFollowers</name>
    <message>
        <source>variant %1 or location %2 is unknown</source>
        <translation>Variante %1 oder Lagerort %2 ist unbekannt</translation>
    </message>
    <message>
        <source>Ledgerdesk %1 %2</source>
        <translation>Ledgerdesk %1 %2</translation>
    </message>
    <message>
        <source>%1 does not take on-hand adjustments</source>
        <translation>%1 nimmt keine Korrekturen des Lagerbestands an</translation>
    </message>
</context>
<context>
    <name>Ledgerdesk::Ui::ExceptionFilterBar</name>
    <message>
        <source>Cause</source>
        <translation>Ursache</translation>
    </message>
    <message>
        <source>All causes (%1)</source>
        <translation>Alle Ursachen (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Ledgerdesk::Ui::ExceptionModel</name>
    <message>
        <source>Unreadable input</source>
        <translation>Unlesbare Eingabe</translation>
    </message>
    <message>
        <source>Unknown SKU or location</source>
        <translation>Unbekannte SKU oder unbekannter Lagerort</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>Anmeldung abgelehnt</translation>
    </message>
    <message>
        <source>Refused by a system</source>
        <translation>Von einem System abgelehnt</translation>
    </message>
    <message>
        <source>Order rules</source>
        <translation>Auftragsregeln</translation>
    </message>
    <message>
        <source>Figures differ</source>
        <translation>Zahlen weichen ab</translation>
    </message>
</context>
<context>
    <name>Ledgerdesk::Ui::OrderDetailPane</name>
    <message numerus="yes">
        <source>not delivered yet after %n attempt(s): %1</source>
        <translation>
            <numerusform>noch nicht zugestellt nach %n Versuch: %1</numerusform>
            <numerusform>noch nicht zugestellt nach %n Versuchen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>wartet auf den Versand</translation>
    </message>
    <message>
        <source>sales order</source>
        <translation>Verkaufsauftrag</translation>
    </message>
    <message>
        <source>pick ticket</source>
        <translation>Kommissionierschein</translation>
    </message>
    <message>
        <source>nothing to send</source>
        <translation>nichts zu senden</translation>
    </message>
    <message>
        <source>fulfilment</source>
        <translation>Erfüllung</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>Sent:</source>
        <translation>Gesendet:</translation>
    </message>
    <message>
        <source>REFUSED: %1 (see Exceptions)</source>
        <translation>ABGELEHNT: %1 (siehe Ausnahmen)</translation>
    </message>
    <message>
        <source>%1 to %2 — %3</source>
        <translation>%1 an %2 — %3</translation>
    </message>
</context>
<context>
    <name>ShopifyWebhookIngest</name>
    <message>
        <source>the delivery is for shop &quot;%1&quot;, the connection is for &quot;%2&quot;</source>
        <translation>die Zustellung ist für den Shop „%1“, die Verbindung für „%2“</translation>
    </message>
</context>
<context>
    <name>WmsFileApplier</name>
    <message>
        <source>the ledger's on-hand moved to %1 and the WMS counted %2 since they last agreed on %3; on-hand belongs to %4 and the WMS takes no stock-level writes, so recount there or accept its count</source>
        <translation>der Lagerbestand des Ledgers ging auf %1 und das WMS zählte %2, seit sie zuletzt %3 vereinbart hatten; der Lagerbestand gehört %4 und das WMS nimmt keine Bestandsänderungen an, also dort neu zählen oder seine Zählung übernehmen</translation>
    </message>
    <message>
        <source>the ledger has %1 on hand and the WMS counted %2, and they have never agreed; on-hand belongs to %3</source>
        <translation>das Ledger hat %1 auf Lager und das WMS zählte %2, und sie haben nie übereingestimmt; der Lagerbestand gehört %3</translation>
    </message>
    <message>
        <source>the WMS counted %1 where it and the ledger last agreed on %2; on-hand belongs to %3, so the ledger keeps %4</source>
        <translation>das WMS zählte %1, wo es und das Ledger zuletzt %2 vereinbart hatten; der Lagerbestand gehört %3, also behält das Ledger %4</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemandem</translation>
    </message>
</context>
<context>
    <name>Ledgerdesk::Ui::ConnectionStatusWidget</name>
    <message>
        <source>%1 since %2</source>
        <translation>%1 seit %2</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ferry::AboutBox</name>
    <message>
        <location filename="../ui/about_box.cpp" line="+16"/>
        <source>About Ferry</source>
        <translation>Über Ferry</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;h3&gt;Ferry %1&lt;/h3&gt;&lt;p&gt;Moves data between MongoDB and PostgreSQL or SQLite, in either direction, with a wizard and a command line (&lt;tt&gt;ferry-cli&lt;/tt&gt;).&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ferry %1&lt;/h3&gt;&lt;p&gt;Verschiebt Daten zwischen MongoDB und PostgreSQL oder SQLite, in beide Richtungen, mit einem Assistenten und einer Kommandozeile (&lt;tt&gt;ferry-cli&lt;/tt&gt;).&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, läuft mit Qt %3.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ferry::CollectionsModel</name>
    <message>
        <location filename="../models/collections_model.cpp" line="+75"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>view</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>time-series buckets</source>
        <translation>Zeitreihen-Buckets</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+46"/>
        <source>time-series</source>
        <translation>Zeitreihe</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>oplog</source>
        <translation>Oplog</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ferry bookkeeping</source>
        <translation>Ferry-Verwaltungsdaten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>system</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not migrated: %1</source>
        <translation>nicht migriert: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not migrated: %2.</source>
        <translation>%1 wird nicht migriert: %2.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A time-series collection: each measurement is migrated as one document of %1, as MongoDB users see it, not its internal buckets.</source>
        <translation>Eine Zeitreihen-Collection: Jede Messung wird als ein Dokument von %1 migriert, so wie MongoDB-Benutzer sie sehen, nicht ihre internen Buckets.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n table(s) in the target</source>
        <translation>
            <numerusform>%n Tabelle im Ziel</numerusform>
            <numerusform>%n Tabellen im Ziel</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Migrate %1</source>
        <translation>%1 migrieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Leave out %1</source>
        <translation>%1 auslassen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rename table of %1 to %2</source>
        <translation>Tabelle von %1 in %2 umbenennen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target table</source>
        <translation>Zieltabelle</translation>
    </message>
</context>
<context>
    <name>ferry::CollectionsPage</name>
    <message>
        <location filename="../ui/collections_page.cpp" line="+25"/>
        <source>Collections</source>
        <translation>Collections</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick the collections to move and check the tables they become. Double-click a table name to change it.</source>
        <translation>Haken Sie die zu verschiebenden Collections an und prüfen Sie die Tabellen, die daraus werden. Ein Doppelklick auf einen Tabellennamen ändert ihn.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the selected collection earlier (%1)</source>
        <translation>Die gewählte Collection früher übertragen (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the selected collection later (%1)</source>
        <translation>Die gewählte Collection später übertragen (%1)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select &amp;all</source>
        <translation>&amp;Alle auswählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select n&amp;one</source>
        <translation>&amp;Keine auswählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the source again (counts, fields, sample documents).</source>
        <translation>Die Quelle erneut lesen (Anzahlen, Felder, Beispieldokumente).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>all documents</source>
        <translation>alle Dokumente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> documents</source>
        <translation> Dokumente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents read, spread over each collection, to find its fields and types. More finds rare fields; fewer is faster. Reload applies it to collections already read.</source>
        <translation>Gelesene Dokumente, verteilt über jede Collection, um ihre Felder und Typen zu ermitteln. Mehr findet seltene Felder; weniger ist schneller. „Neu laden“ wendet den Wert auf bereits gelesene Collections an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sam&amp;ple:</source>
        <translation>&amp;Stichprobe:</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Change the sample size</source>
        <translation>Stichprobengröße ändern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press Reload to read the source again with the new sample.</source>
        <translation>Klicken Sie auf „Neu laden“, um die Quelle mit der neuen Stichprobe erneut zu lesen.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Reading %1: collections, counts and a sample of each…</source>
        <translation>Lese %1: Collections, Anzahlen und eine Stichprobe von jeder …</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Add collections found in the source</source>
        <translation>In der Quelle gefundene Collections hinzufügen</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n collection(s) found.</source>
        <translation>
            <numerusform>%n Collection gefunden.</numerusform>
            <numerusform>%n Collections gefunden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n more not migrated: greyed below, with the reason.</source>
        <translation>
            <numerusform>%n weitere wird nicht migriert: unten ausgegraut, mit Begründung.</numerusform>
            <numerusform>%n weitere werden nicht migriert: unten ausgegraut, mit Begründung.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Collections are moved from top to bottom, except that a collection others reference is always moved before them.</source>
        <translation>Collections werden von oben nach unten übertragen; eine Collection, auf die andere verweisen, kommt aber immer vor diesen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Because of references the run order is: %1.</source>
        <translation>Wegen der Verweise ist die Reihenfolge: %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select all collections</source>
        <translation>Alle Collections auswählen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select no collection</source>
        <translation>Keine Collection auswählen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Some target table names cannot be used:
%1</source>
        <translation>Einige Namen für Zieltabellen sind nicht verwendbar:
%1</translation>
    </message>
</context>
<context>
    <name>ferry::ConnectionCheck</name>
    <message>
        <location filename="../ui/connection_check.cpp" line="+14"/>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect now and report what was found. Next checks the same.</source>
        <translation>Jetzt verbinden und melden, was gefunden wurde. „Weiter“ prüft dasselbe.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking the connection</source>
        <translation>Verbindung wird geprüft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop checking</source>
        <translation>Prüfung a&amp;bbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop waiting for the answer, e.g. to correct a mistyped host.</source>
        <translation>Nicht länger auf die Antwort warten, z. B. um einen falsch eingegebenen Host zu korrigieren.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stopped. Correct the fields, then press Next or Test connection.</source>
        <translation>Abgebrochen. Korrigieren Sie die Felder und klicken Sie dann auf „Weiter“ oder „Verbindung testen“.</translation>
    </message>
</context>
<context>
    <name>ferry::DocumentFieldsModel</name>
    <message>
        <location filename="../models/document_fields_model.cpp" line="+58"/>
        <source>%1 (column %2)</source>
        <translation>%1 (Spalte %2)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The table&apos;s key becomes the document&apos;s _id: it is always kept.</source>
        <translation>Der Schlüssel der Tabelle wird zur _id des Dokuments: Er wird immer übernommen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Double-click or press F2 to rename the field in the documents.</source>
        <translation>Doppelklicken Sie oder drücken Sie F2, um das Feld in den Dokumenten umzubenennen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Untick to leave the field out of the documents.</source>
        <translation>Entfernen Sie den Haken, um das Feld in den Dokumenten auszulassen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source type</source>
        <translation>Quelltyp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name in documents</source>
        <translation>Name in Dokumenten</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Keep %1.%2</source>
        <translation>%1.%2 behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave out %1.%2</source>
        <translation>%1.%2 auslassen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rename %1.%2 to %3</source>
        <translation>%1.%2 in %3 umbenennen</translation>
    </message>
</context>
<context>
    <name>ferry::DryRunPage</name>
    <message>
        <location filename="../ui/dry_run_page.cpp" line="+30"/>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dry run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A rehearsal on a sample of each collection: tables are created and rows written inside a transaction that is rolled back.</source>
        <translation>Eine Probe mit einer Stichprobe jeder Collection: Tabellen werden angelegt und Zeilen geschrieben, in einer Transaktion, die danach zurückgerollt wird.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Run &amp;again</source>
        <translation>&amp;Erneut ausführen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Tables and sample rows</source>
        <translation>&amp;Tabellen und Beispielzeilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Statements</source>
        <translation>&amp;Anweisungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;jects</source>
        <translation>&amp;Abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Log</source>
        <translation>&amp;Protokoll</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Rehearsing on up to %1 documents per collection…</source>
        <translation>Probelauf mit bis zu %1 Dokumenten je Collection …</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No sample document would be rejected.</source>
        <translation>Kein Beispieldokument würde abgelehnt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The dry run failed. %1 Go Back to correct the mapping or the connection, then press Run again.</source>
        <translation>Der Probelauf ist fehlgeschlagen. %1 Gehen Sie zurück, um die Zuordnung oder die Verbindung zu korrigieren, und klicken Sie dann auf „Erneut ausführen“.</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>about %Ln second(s)</source>
        <translation>
            <numerusform>etwa %Ln Sekunde</numerusform>
            <numerusform>etwa %Ln Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln sample document(s) would be rejected.</source>
        <translation>
            <numerusform>%Ln Beispieldokument würde abgelehnt.</numerusform>
            <numerusform>%Ln Beispieldokumente würden abgelehnt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln sampled document(s) are already in the target: a real run would skip them (Existing rows on the Options page).</source>
        <translation>
            <numerusform>%Ln Beispieldokument ist bereits im Ziel: Eine echte Migration würde es überspringen („Vorhandene Zeilen“ auf der Seite „Optionen“).</numerusform>
            <numerusform>%Ln Beispieldokumente sind bereits im Ziel: Eine echte Migration würde sie überspringen („Vorhandene Zeilen“ auf der Seite „Optionen“).</numerusform>
        </translation>
    </message>
    <message>
        <location line="-9"/>
        <source>The dry run passed. Estimated time for the real run: %1.</source>
        <translation>Der Probelauf war erfolgreich. Geschätzte Dauer der echten Migration: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>under a second</source>
        <translation>unter einer Sekunde</translation>
    </message>
</context>
<context>
    <name>ferry::DryRunTablesModel</name>
    <message>
        <location filename="../models/dry_run_model.cpp" line="+69"/>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sample rows</source>
        <translation>Beispielzeilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Predicted</source>
        <translation>Erwartet</translation>
    </message>
</context>
<context>
    <name>ferry::EndpointPage</name>
    <message>
        <location filename="../ui/endpoint_page.cpp" line="+52"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where does the data come from? A live MongoDB server, a mongodump folder, or a relational database for the way back.</source>
        <translation>Woher kommen die Daten? Ein laufender MongoDB-Server, ein mongodump-Ordner oder, für den Rückweg, eine relationale Datenbank.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where should the data go? Tables are created when they do not exist yet.</source>
        <translation>Wohin sollen die Daten? Fehlende Tabellen werden angelegt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Used for this session only: Ferry never writes passwords to the project file or a log.</source>
        <translation>Nur für diese Sitzung: Ferry schreibt Passwörter nie in die Projektdatei oder ein Protokoll.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keeps the password in the system keychain, under this URI, so it is filled in next time.</source>
        <translation>Legt das Passwort unter dieser URI im Schlüsselbund des Systems ab, damit es beim nächsten Mal eingetragen wird.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No keychain is available here: Ferry asks for the password each time and never saves it.</source>
        <translation>Hier ist kein Schlüsselbund verfügbar: Ferry fragt jedes Mal nach dem Passwort und speichert es nie.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Path:</source>
        <translation>&amp;Pfad:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The location as a URI: filled from the fields above, or paste one (mongodb://, dump:, postgresql://, sqlite:).</source>
        <translation>Der Ort als URI: aus den Feldern oben gefüllt, oder fügen Sie eine ein (mongodb://, dump:, postgresql://, sqlite:).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Re&amp;member password in the keychain</source>
        <translation>Passwort im Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Br&amp;owse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>U&amp;RI:</source>
        <translation>U&amp;RI:</translation>
    </message>
    <message>
        <location line="+376"/>
        <source>The target is the source. Choose another database or file.</source>
        <translation>Das Ziel ist die Quelle. Wählen Sie eine andere Datenbank oder Datei.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Change source</source>
        <translation>Quelle ändern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change target</source>
        <translation>Ziel ändern</translation>
    </message>
</context>
<context>
    <name>ferry::FieldTreeModel</name>
    <message>
        <location filename="../models/field_tree_model.cpp" line="+168"/>
        <source>%1 (map)</source>
        <translation>%1 (Map)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>avg %1 items</source>
        <translation>Ø %1 Elemente</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>excluded</source>
        <translation>ausgeschlossen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Mixed types in %1: %2. The column gets the widest type that keeps every value, or JSON text.</source>
        <translation>Gemischte Typen in %1: %2. Die Spalte bekommt den weitesten Typ, der jeden Wert erhält, oder JSON-Text.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Include %1</source>
        <translation>%1 aufnehmen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exclude %1</source>
        <translation>%1 ausschließen</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Present</source>
        <translation>Vorhanden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Types seen</source>
        <translation>Gesehene Typen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mapped as</source>
        <translation>Abgebildet als</translation>
    </message>
</context>
<context>
    <name>ferry::LanguageMenu</name>
    <message>
        <location filename="../ui/language_menu.cpp" line="+40"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ferry will use %1 from its next start.</source>
        <translation>Ferry verwendet ab dem nächsten Start %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the system language</source>
        <translation>die Systemsprache</translation>
    </message>
</context>
<context>
    <name>ferry::LogModel</name>
    <message>
        <location filename="../models/log_model.cpp" line="+55"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>info</source>
        <translation>Info</translation>
    </message>
</context>
<context>
    <name>ferry::LogView</name>
    <message>
        <location filename="../ui/log_view.cpp" line="+21"/>
        <source>Filter messages</source>
        <translation>Meldungen filtern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All messages</source>
        <translation>Alle Meldungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Messages:</source>
        <translation>&amp;Meldungen:</translation>
    </message>
</context>
<context>
    <name>ferry::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="+31"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Full screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1[*] — Ferry</source>
        <translation>%1[*] — Ferry</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ferry projects (*.ferry);;All files (*)</source>
        <translation>Ferry-Projekte (*.ferry);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot open project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot save project</source>
        <translation>Projekt kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ferry projects (*.ferry)</source>
        <translation>Ferry-Projekte (*.ferry)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The project has changes that are not saved. Save them first?</source>
        <translation>Das Projekt hat ungespeicherte Änderungen. Zuerst speichern?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Migration running</source>
        <translation>Migration läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A migration is running. Cancel it and close? Committed batches stay in the target; the run can be resumed later.</source>
        <translation>Eine Migration läuft. Abbrechen und schließen? Bestätigte Stapel bleiben im Ziel; die Migration kann später fortgesetzt werden.</translation>
    </message>
    <message>
        <location filename="../ui/help_menu.cpp" line="+42"/>
        <source>Alt+N	Next page</source>
        <translation>Alt+N	Nächste Seite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+B	Previous page</source>
        <translation>Alt+B	Vorherige Seite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+underlined letter	The button or field with that letter</source>
        <translation>Alt+unterstrichener Buchstabe	Die Schaltfläche oder das Feld mit diesem Buchstaben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alt+Up, Alt+Down	Collections: run the selected collection earlier or later</source>
        <translation>Alt+Up, Alt+Down	Collections: die gewählte Collection früher oder später übertragen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Space	Tick or untick the selected collection</source>
        <translation>Space	Die gewählte Collection an- oder abhaken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F2	Rename the selected table or column</source>
        <translation>F2	Die gewählte Tabelle oder Spalte umbenennen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Documentation</source>
        <translation>&amp;Dokumentation</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The documentation (README.md) was not found beside Ferry. It is also shown by ferry-cli --help.</source>
        <translation>Die Dokumentation (README.md) wurde neben Ferry nicht gefunden. Sie wird auch von ferry-cli --help angezeigt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;About Ferry</source>
        <translation>Ü&amp;ber Ferry</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>ferry::MappingEdits</name>
    <message>
        <location filename="../models/mapping_edits.cpp" line="+208"/>
        <source>Child table</source>
        <translation>Kindtabelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON column</source>
        <translation>JSON-Spalte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PostgreSQL array</source>
        <translation>PostgreSQL-Array</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip</source>
        <translation>Auslassen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Key/value table</source>
        <translation>Schlüssel/Wert-Tabelle</translation>
    </message>
    <message>
        <location line="+256"/>
        <source>%1.%2: %3</source>
        <translation>%1.%2: %3</translation>
    </message>
</context>
<context>
    <name>ferry::MappingModel</name>
    <message>
        <location filename="../models/mapping_model.cpp" line="+116"/>
        <source>(element)</source>
        <translation>(Element)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(parent key)</source>
        <translation>(Elternschlüssel)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(position in array)</source>
        <translation>(Position im Array)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(map key)</source>
        <translation>(Map-Schlüssel)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(unknown fields)</source>
        <translation>(unbekannte Felder)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Stored as %1 in the target</source>
        <translation>Im Ziel als %1 gespeichert</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Allow NULL in %1</source>
        <translation>NULL in %1 erlauben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forbid NULL in %1</source>
        <translation>NULL in %1 verbieten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Primary key %1</source>
        <translation>Primärschlüssel %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Rename %1 to %2</source>
        <translation>%1 in %2 umbenennen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Make %1 %2</source>
        <translation>%1 zu %2 machen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Convert %1 with %2</source>
        <translation>%1 mit %2 umwandeln</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Move column %1</source>
        <translation>Spalte %1 verschieben</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Include %1</source>
        <translation>%1 aufnehmen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Include %n fields</source>
        <translation>
            <numerusform>%n Feld aufnehmen</numerusform>
            <numerusform>%n Felder aufnehmen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source field</source>
        <translation>Quellfeld</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conversion</source>
        <translation>Umwandlung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nullable</source>
        <translation>NULL erlaubt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Primary key</source>
        <translation>Primärschlüssel</translation>
    </message>
</context>
<context>
    <name>ferry::MappingPage</name>
    <message>
        <location filename="../ui/mapping_page.cpp" line="+33"/>
        <source>Mapping</source>
        <translation>Zuordnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Untick fields to leave them out, choose how arrays and maps are stored, rename or retype columns; the preview shows the rows.</source>
        <translation>Entfernen Sie Haken, um Felder auszulassen, wählen Sie, wie Arrays und Maps gespeichert werden, und benennen Sie Spalten um oder ändern Sie ihren Typ; die Vorschau zeigt die Zeilen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Collection:</source>
        <translation>&amp;Collection:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Table:</source>
        <translation>&amp;Tabelle:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>How the selected array or map is stored: rows of a child table (one per element, or per key for a map), one JSON column, a PostgreSQL array (arrays only), or not at all.</source>
        <translation>Wie das gewählte Array oder die Map gespeichert wird: als Zeilen einer Kindtabelle (eine je Element, bei einer Map je Schlüssel), als eine JSON-Spalte, als PostgreSQL-Array (nur Arrays) oder gar nicht.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Array or map stored as:</source>
        <translation>&amp;Array oder Map gespeichert als:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected column one place up</source>
        <translation>Die gewählte Spalte eine Stelle nach oben schieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected column one place down</source>
        <translation>Die gewählte Spalte eine Stelle nach unten schieben</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Preview (first rows, from sample documents):</source>
        <translation>&amp;Vorschau (erste Zeilen, aus Beispieldokumenten):</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Editor</source>
        <translation>&amp;Editor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The tables the run creates and how they are linked. Click a table, or Tab to it and press Enter, to edit it.</source>
        <translation>Die Tabellen, die die Migration anlegt, und wie sie verknüpft sind. Klicken Sie auf eine Tabelle oder wählen Sie sie mit Tab aus und drücken Sie Enter, um sie zu bearbeiten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Diagram</source>
        <translation>&amp;Diagramm</translation>
    </message>
    <message numerus="yes">
        <location line="+59"/>
        <source>%n sample document(s) would be rejected: %1</source>
        <translation>
            <numerusform>%n Beispieldokument würde abgelehnt: %1</numerusform>
            <numerusform>%n Beispieldokumente würden abgelehnt: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+89"/>
        <source>%1 (rows of %2)</source>
        <translation>%1 (Zeilen von %2)</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Store %1 as %2</source>
        <translation>%1 als %2 speichern</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+16"/>
        <source>Fix these names to go on: %1</source>
        <translation>Korrigieren Sie diese Namen, um fortzufahren: %1</translation>
    </message>
</context>
<context>
    <name>ferry::MigrationWizard</name>
    <message>
        <location filename="../ui/migration_wizard.cpp" line="+36"/>
        <source>Ferry</source>
        <translation>Ferry</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>shop-demo</source>
        <translation>shop-demo</translation>
    </message>
</context>
<context>
    <name>ferry::OptionsPage</name>
    <message>
        <location filename="../ui/options_page.cpp" line="+16"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the run writes: the defaults suit a first migration and a safe re-run.</source>
        <translation>Wie die Migration schreibt: Die Voreinstellungen passen für eine erste Migration und eine sichere Wiederholung.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+38"/>
        <source>Documents per transaction. Each batch commits with its checkpoint, so a resumed run repeats at most one batch.</source>
        <translation>Dokumente je Transaktion. Jeder Stapel wird mit seinem Kontrollpunkt bestätigt, daher wiederholt eine fortgesetzte Migration höchstens einen Stapel.</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Skip rows whose key exists</source>
        <translation>Zeilen mit vorhandenem Schlüssel überspringen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update them (upsert)</source>
        <translation>Aktualisieren (Upsert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop with an error</source>
        <translation>Mit einem Fehler anhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty the tables first (truncate)</source>
        <translation>Tabellen zuerst leeren (truncate)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the run</source>
        <translation>Migration anhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject the document to a file and go on</source>
        <translation>Dokument in eine Datei ablehnen und weitermachen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ObjectId as 24 hex characters</source>
        <translation>ObjectId als 24 Hexadezimalzeichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ObjectId as a UUID (deterministic v5)</source>
        <translation>ObjectId als UUID (deterministisch, v5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep them in a JSON column (_extra)</source>
        <translation>In einer JSON-Spalte behalten (_extra)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject the document</source>
        <translation>Dokument ablehnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore them (counted in the report)</source>
        <translation>Ignorieren (im Bericht gezählt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>Fields a document has that the mapping does not know, e.g. ones that appeared after sampling.</source>
        <translation>Felder eines Dokuments, die die Zuordnung nicht kennt, z. B. solche, die nach der Stichprobe hinzukamen.</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Batch si&amp;ze:</source>
        <translation>&amp;Stapelgröße:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Existing rows:</source>
        <translation>&amp;Vorhandene Zeilen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happens to a document whose key the target already holds, e.g. when running again.</source>
        <translation>Was mit einem Dokument geschieht, dessen Schlüssel das Ziel schon enthält, z. B. bei einer erneuten Migration.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On a bad &amp;document:</source>
        <translation>Bei einem fehlerhaften &amp;Dokument:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A document the target cannot take (a value that does not fit its column).</source>
        <translation>Ein Dokument, das das Ziel nicht aufnehmen kann (ein Wert, der nicht in seine Spalte passt).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;ObjectId keys:</source>
        <translation>&amp;ObjectId-Schlüssel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How MongoDB&apos;s ObjectId keys are written: as text, or as a UUID derived from them (the same every run).</source>
        <translation>Wie die ObjectId-Schlüssel von MongoDB geschrieben werden: als Text oder als daraus abgeleitete UUID (bei jeder Migration dieselbe).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Unknown fields:</source>
        <translation>&amp;Unbekannte Felder:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sample size used to infer the mapping is set on the Collections page.</source>
        <translation>Die Stichprobengröße, aus der die Zuordnung abgeleitet wird, stellen Sie auf der Seite „Collections“ ein.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Change run options</source>
        <translation>Migrationsoptionen ändern</translation>
    </message>
</context>
<context>
    <name>ferry::PathBrowser</name>
    <message>
        <location filename="../ui/path_browser.cpp" line="+15"/>
        <source>A &amp;file… (.bson, .json, an --archive, maybe .gz)</source>
        <translation>Eine &amp;Datei… (.bson, .json, ein --archive, auch .gz)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A f&amp;older… (a dump, or a dump root of databases)</source>
        <translation>Einen &amp;Ordner… (ein Dump oder ein Dump-Stamm mit Datenbanken)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose a file or a folder</source>
        <translation>Eine Datei oder einen Ordner wählen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 files (%2);;All files (*)</source>
        <translation>%1-Dateien (%2);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose the folder</source>
        <translation>Ordner wählen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the file</source>
        <translation>Datei wählen</translation>
    </message>
</context>
<context>
    <name>ferry::ProgressModel</name>
    <message>
        <location filename="../models/progress_model.cpp" line="+53"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 docs/s</source>
        <translation>%1 Dok./s</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Written</source>
        <translation>Geschrieben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
</context>
<context>
    <name>ferry::RelationsModel</name>
    <message>
        <location filename="../models/relations_model.cpp" line="+74"/>
        <source>%1 → %2 (%3)</source>
        <translation>%1 → %2 (%3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (%2) refers to %3. %4</source>
        <translation>%1 (%2) verweist auf %3. %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The field of each %1 document that holds the embedded %2.</source>
        <translation>Das Feld jedes Dokuments von %1, das die eingebetteten Daten von %2 enthält.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ferry proposes: %1</source>
        <translation>Ferry schlägt vor: %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Relation (child → parent)</source>
        <translation>Beziehung (Kind → Eltern)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stored as</source>
        <translation>Gespeichert als</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Field in parent</source>
        <translation>Feld im Elterndokument</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why Ferry proposes it</source>
        <translation>Warum Ferry das vorschlägt</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Store %1 in %2 as: %3</source>
        <translation>%1 in %2 speichern als: %3</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Embed %1 as field %2</source>
        <translation>%1 als Feld %2 einbetten</translation>
    </message>
    <message>
        <location filename="../models/relation_rules.cpp" line="+101"/>
        <source>Own collection, with a reference</source>
        <translation>Eigene Collection, mit Verweis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Embedded array of sub-documents</source>
        <translation>Eingebettetes Array von Unterdokumenten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Embedded array of ids</source>
        <translation>Eingebettetes Array von IDs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Embedded single sub-document</source>
        <translation>Eingebettetes einzelnes Unterdokument</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 refers to itself (%2): it keeps the id as a reference.</source>
        <translation>%1 verweist auf sich selbst (%2): Die ID bleibt als Verweis erhalten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The key %1 has several columns, which embedding does not support yet.</source>
        <translation>Der Schlüssel %1 hat mehrere Spalten; das unterstützt das Einbetten noch nicht.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 only links %2 and %3: each %2 document gets the array of its %3 ids, and %1 needs no collection of its own.</source>
        <translation>%1 verknüpft nur %2 und %3: Jedes Dokument von %2 erhält das Array seiner IDs aus %3, und %1 braucht keine eigene Collection.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is already kept in %2 as an array of ids; choose ids here too to have them on the %3 side as well.</source>
        <translation>%1 wird bereits in %2 als Array von IDs gespeichert; wählen Sie auch hier IDs, um sie ebenso auf der Seite von %3 zu haben.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is referred to by %2: embedding it would copy its rows, so it stays a collection of its own and keeps %3 as a reference to %4.</source>
        <translation>Auf %1 verweist %2: Einbetten würde seine Zeilen kopieren, daher bleibt es eine eigene Collection und behält %3 als Verweis auf %4.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is embedded in %2 (its first key); %3 stays a reference to %4.</source>
        <translation>%1 wird in %2 eingebettet (sein erster Schlüssel); %3 bleibt ein Verweis auf %4.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Each %1 has at most one %2 (%3 is unique): it becomes one sub-document.</source>
        <translation>Zu jedem %1 gibt es höchstens ein %2 (%3 ist eindeutig): Es wird zu einem Unterdokument.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rows of %1 belong to one %2 each and nothing else refers to them: they become an array in the %2 document.</source>
        <translation>Die Zeilen von %1 gehören jeweils zu einem %2, und nichts sonst verweist auf sie: Sie werden zu einem Array im Dokument von %2.</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>%1 is embedded in another table, so what it embeds (%2) would be lost: Ferry embeds one level deep. Keep %1 as its own collection, or the others as references.</source>
        <translation>%1 ist in eine andere Tabelle eingebettet, daher ginge verloren, was es selbst einbettet (%2): Ferry bettet nur eine Ebene tief ein. Behalten Sie %1 als eigene Collection oder die anderen als Verweise.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: the field %2 is there twice (an embedded table and a field of %1, or two embedded tables): rename one.</source>
        <translation>%1: Das Feld %2 kommt zweimal vor (eine eingebettete Tabelle und ein Feld von %1 oder zwei eingebettete Tabellen): Benennen Sie eines um.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1.%2: &quot;%3&quot; cannot name a field (empty, a dot, or a leading $).</source>
        <translation>%1.%2: „%3“ ist kein gültiger Feldname (leer, ein Punkt oder ein führendes $).</translation>
    </message>
</context>
<context>
    <name>ferry::RelationsPage</name>
    <message>
        <location filename="../ui/relations_page.cpp" line="+55"/>
        <source>Relations</source>
        <translation>Beziehungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose, for each foreign key, whether the child rows are embedded in the parent&apos;s documents or stay a collection of their own. Ferry&apos;s proposal is preselected; the preview shows a real document as the run will write it.</source>
        <translation>Wählen Sie für jeden Fremdschlüssel, ob die Kindzeilen in die Dokumente der Elterntabelle eingebettet werden oder eine eigene Collection bleiben. Der Vorschlag von Ferry ist vorausgewählt; die Vorschau zeigt ein echtes Dokument so, wie die Migration es schreiben wird.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Source tables: solid links are embedded, dashed ones stay references. Click a table (or Tab to it, Enter) to edit its fields.</source>
        <translation>Quelltabellen: Durchgezogene Verbindungen werden eingebettet, gestrichelte bleiben Verweise. Klicken Sie auf eine Tabelle (oder Tab bis dorthin, Enter), um ihre Felder zu bearbeiten.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Relations (F2 to change the selected one):</source>
        <translation>&amp;Beziehungen (F2 ändert die gewählte):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undo: %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo: %1</source>
        <translation>Wiederherstellen: %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Table:</source>
        <translation>&amp;Tabelle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Collection name:</source>
        <translation>&amp;Collection-Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fields (untick to leave out, F2 to rename):</source>
        <translation>&amp;Felder (Haken entfernen zum Auslassen, F2 zum Umbenennen):</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Preview (one document, from real rows):</source>
        <translation>&amp;Vorschau (ein Dokument, aus echten Zeilen):</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Why Ferry proposes %1: %2</source>
        <translation>Warum Ferry %1 vorschlägt: %2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Reading the tables and foreign keys of the source…</source>
        <translation>Tabellen und Fremdschlüssel der Quelle werden gelesen …</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot read the source&apos;s tables: %1</source>
        <translation>Die Tabellen der Quelle können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Apply Ferry&apos;s proposed relations</source>
        <translation>Von Ferry vorgeschlagene Beziehungen übernehmen</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n foreign key(s) between %1 tables.</source>
        <translation>
            <numerusform>%n Fremdschlüssel zwischen %1 Tabellen.</numerusform>
            <numerusform>%n Fremdschlüssel zwischen %1 Tabellen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 is embedded in another collection.</source>
        <translation>%1 ist in eine andere Collection eingebettet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The collection %1&apos;s rows go to.</source>
        <translation>Die Collection, in die die Zeilen von %1 gehen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Name the collection of %1 %2</source>
        <translation>Collection von %1 in %2 umbenennen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Fix this to go on: %1</source>
        <translation>Beheben Sie dies, um fortzufahren: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Building the preview…</source>
        <translation>Vorschau wird erstellt …</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No preview: %1</source>
        <translation>Keine Vorschau: %1</translation>
    </message>
    <message>
        <location filename="../models/relations_jobs.cpp" line="+116"/>
        <source>The project has no table %1.</source>
        <translation>Das Projekt hat keine Tabelle %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 has no rows to build a document from.</source>
        <translation>%1 hat keine Zeilen, aus denen sich ein Dokument bilden lässt.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The source returned a document that is not BSON.</source>
        <translation>Die Quelle hat ein Dokument geliefert, das kein BSON ist.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The first document of the %1 collection.</source>
        <translation>Das erste Dokument der Collection %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is embedded: a document of the %2 collection that holds some of its rows (field %3).</source>
        <translation>%1 ist eingebettet: ein Dokument der Collection %2, das einige seiner Zeilen enthält (Feld %3).</translation>
    </message>
</context>
<context>
    <name>ferry::ReportModel</name>
    <message>
        <location filename="../models/report_model.cpp" line="+36"/>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n Abweichung</numerusform>
            <numerusform>%n Abweichungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>same: count, %Ln sampled</source>
        <translation>
            <numerusform>gleich: Anzahl, Stichprobe von %Ln</numerusform>
            <numerusform>gleich: Anzahl, Stichprobe von %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>same: %Ln sampled</source>
        <translation>
            <numerusform>gleich: Stichprobe von %Ln</numerusform>
            <numerusform>gleich: Stichprobe von %Ln</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Written</source>
        <translation>Geschrieben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Would write</source>
        <translation>Würde schreiben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Would skip</source>
        <translation>Würde überspringen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Predicted rows</source>
        <translation>Erwartete Zeilen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows in the target</source>
        <translation>Zeilen im Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checked</source>
        <translation>Geprüft</translation>
    </message>
</context>
<context>
    <name>ferry::RunPage</name>
    <message numerus="yes">
        <location filename="../ui/run_page.cpp" line="+33"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Run</source>
        <translation>Migration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moving the data. Each batch is committed with a checkpoint: a cancelled or crashed run can be resumed.</source>
        <translation>Die Daten werden verschoben. Jeder Stapel wird mit einem Kontrollpunkt bestätigt: Eine abgebrochene oder abgestürzte Migration kann fortgesetzt werden.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%p %</source>
        <translation>%p %</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+128"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>Pause after the batch being written</source>
        <translation>Nach dem Stapel, der gerade geschrieben wird, pausieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel run</source>
        <translation>Migration &amp;abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop after the batch being written; committed batches stay and the run can be resumed</source>
        <translation>Nach dem Stapel, der gerade geschrieben wird, anhalten; bestätigte Stapel bleiben, und die Migration kann fortgesetzt werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Overall:</source>
        <translation>Gesamt:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cancelling after the current batch…</source>
        <translation>Abbruch nach dem aktuellen Stapel …</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>%1 docs/s</source>
        <translation>%1 Dok./s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>elapsed %1</source>
        <translation>vergangen %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ETA %1</source>
        <translation>Rest ca. %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paused.</source>
        <translation>Pausiert.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resumed.</source>
        <translation>Fortgesetzt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Finished: %1.</source>
        <translation>Fertig: %1.</translation>
    </message>
</context>
<context>
    <name>ferry::SchemaDiagramPanel</name>
    <message>
        <location filename="../ui/schema_diagram_panel.cpp" line="+25"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the whole diagram</source>
        <translation>Das ganze Diagramm zeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the diagram as SVG or PNG</source>
        <translation>Das Diagramm als SVG oder PNG speichern</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+9"/>
        <source>Export diagram</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>schema.svg</source>
        <translation>schema.svg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG drawing (*.svg);;PNG image (*.png)</source>
        <translation>SVG-Zeichnung (*.svg);;PNG-Bild (*.png)</translation>
    </message>
</context>
<context>
    <name>ferry::SchemaDiagramView</name>
    <message>
        <location filename="../ui/schema_diagram_view.cpp" line="+152"/>
        <source>Schema diagram</source>
        <translation>Schemadiagramm</translation>
    </message>
    <message>
        <location line="+373"/>
        <source>Cannot write %1: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot write %1 as PNG: check the folder exists and can be written to.</source>
        <translation>%1 kann nicht als PNG geschrieben werden: Prüfen Sie, ob der Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <location filename="../models/schema_graph.cpp" line="+53"/>
        <source>rows: documents of %1</source>
        <translation>Zeilen: Dokumente von %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>rows: elements of %1</source>
        <translation>Zeilen: Elemente von %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rows: entries of map %1</source>
        <translation>Zeilen: Einträge der Map %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>map %1</source>
        <translation>Map %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>array %1</source>
        <translation>Array %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 refers</source>
        <translation>%1 verweist</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>embedded as %1[]</source>
        <translation>eingebettet als %1[]</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ids in %1[]</source>
        <translation>IDs in %1[]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>embedded as %1</source>
        <translation>eingebettet als %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>embedded in %1</source>
        <translation>eingebettet in %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not moved</source>
        <translation>nicht übertragen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>collection %1</source>
        <translation>Collection %1</translation>
    </message>
</context>
<context>
    <name>ferry::SourceJobs</name>
    <message>
        <location filename="../models/source_jobs.cpp" line="+35"/>
        <source>Ready: Ferry can write there.</source>
        <translation>Bereit: Ferry kann dorthin schreiben.</translation>
    </message>
</context>
<context>
    <name>ferry::SourceSummary</name>
    <message>
        <location filename="../models/source_summary.cpp" line="+13"/>
        <source>BSON file (mongodump)</source>
        <translation>BSON-Datei (mongodump)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JSON file (mongoexport)</source>
        <translation>JSON-Datei (mongoexport)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dump folder</source>
        <translation>Dump-Ordner</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Dump root with %n database(s)</source>
        <translation>
            <numerusform>Dump-Stamm mit %n Datenbank</numerusform>
            <numerusform>Dump-Stamm mit %n Datenbanken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>mongodump archive with %n database(s)</source>
        <translation>
            <numerusform>mongodump-Archiv mit %n Datenbank</numerusform>
            <numerusform>mongodump-Archiv mit %n Datenbanken</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mongodump archive</source>
        <translation>mongodump-Archiv</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, gzip-compressed</source>
        <translation>%1, gzip-komprimiert</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n collection(s)</source>
        <translation>
            <numerusform>%n Collection</numerusform>
            <numerusform>%n Collections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1, %n of them time-series</source>
        <translation>
            <numerusform>%1, davon %n Zeitreihe</numerusform>
            <numerusform>%1, davon %n Zeitreihen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1; %n not migrated (system collections, views and the like: the next page lists them with the reason)</source>
        <translation>
            <numerusform>%1; %n wird nicht migriert (System-Collections, Sichten und Ähnliches: die nächste Seite listet sie mit Begründung)</numerusform>
            <numerusform>%1; %n werden nicht migriert (System-Collections, Sichten und Ähnliches: die nächste Seite listet sie mit Begründung)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Found %1.</source>
        <translation>Gefunden: %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
</context>
<context>
    <name>ferry::StartPage</name>
    <message>
        <location filename="../ui/start_page.cpp" line="+43"/>
        <source>Welcome to Ferry</source>
        <translation>Willkommen bei Ferry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move MongoDB data into PostgreSQL or SQLite — or back — with a mapping you can review, rehearse and save.</source>
        <translation>Verschieben Sie MongoDB-Daten nach PostgreSQL oder SQLite – oder zurück – mit einer Zuordnung, die Sie prüfen, proben und speichern können.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New &amp;migration</source>
        <translation>Neue &amp;Migration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a source and a target and build a mapping step by step.</source>
        <translation>Wählen Sie eine Quelle und ein Ziel und bauen Sie Schritt für Schritt eine Zuordnung.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Open project…</source>
        <translation>Projekt ö&amp;ffnen …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Continue with a saved .ferry project.</source>
        <translation>Mit einem gespeicherten .ferry-Projekt weitermachen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Try the &amp;demo</source>
        <translation>&amp;Demo ausprobieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A small shop (customers, products, orders) from a mongodump into a SQLite file.</source>
        <translation>Ein kleiner Laden (Kunden, Produkte, Bestellungen) aus einem mongodump in eine SQLite-Datei.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Recent projects:</source>
        <translation>&amp;Zuletzt geöffnete Projekte:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Double-click or press Enter to open</source>
        <translation>Zum Öffnen doppelklicken oder Eingabe drücken</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ferry projects (*.ferry);;All files (*)</source>
        <translation>Ferry-Projekte (*.ferry);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The demo data was not found. Set FERRY_DEMO_DIR to the resources/demo/shop folder of a Ferry checkout.</source>
        <translation>Die Demodaten wurden nicht gefunden. Setzen Sie FERRY_DEMO_DIR auf den Ordner resources/demo/shop eines Ferry-Checkouts.</translation>
    </message>
</context>
<context>
    <name>ferry::SummaryPage</name>
    <message>
        <location filename="../ui/summary_page.cpp" line="+62"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Save report…</source>
        <translation>Bericht &amp;speichern …</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>What was moved, and what the check afterwards compared.</source>
        <translation>Was übertragen wurde und was die anschließende Prüfung verglichen hat.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Open &amp;target</source>
        <translation>&amp;Ziel öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;log</source>
        <translation>&amp;Protokoll öffnen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run &amp;again</source>
        <translation>&amp;Erneut ausführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The same run once more; rows already in the target are handled as the Options page says.</source>
        <translation>Dieselbe Migration noch einmal; Zeilen, die schon im Ziel sind, werden wie auf der Seite „Optionen“ eingestellt behandelt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue from the last committed batch of each collection.</source>
        <translation>Ab dem letzten bestätigten Stapel jeder Collection fortfahren.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-run re&amp;jected</source>
        <translation>&amp;Abgelehnte erneut ausführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the collections that rejected documents again, skipping rows already written: after correcting the mapping, only the rejected documents are tried again.</source>
        <translation>Die Collections mit abgelehnten Dokumenten erneut ausführen und bereits geschriebene Zeilen überspringen: Nach einer Korrektur der Zuordnung werden nur die abgelehnten Dokumente erneut versucht.</translation>
    </message>
    <message numerus="yes">
        <location line="+60"/>
        <source>The run failed after %Ln document(s) were written. Committed batches stay in the target: correct the cause (see the log), then Resume.</source>
        <translation>
            <numerusform>Die Migration ist fehlgeschlagen, nachdem %Ln Dokument geschrieben wurde. Bestätigte Stapel bleiben im Ziel: Beheben Sie die Ursache (siehe Protokoll) und klicken Sie dann auf „Fortsetzen“.</numerusform>
            <numerusform>Die Migration ist fehlgeschlagen, nachdem %Ln Dokumente geschrieben wurden. Bestätigte Stapel bleiben im Ziel: Beheben Sie die Ursache (siehe Protokoll) und klicken Sie dann auf „Fortsetzen“.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The run was cancelled after %Ln document(s) were written. Resume continues where it stopped.</source>
        <translation>
            <numerusform>Die Migration wurde abgebrochen, nachdem %Ln Dokument geschrieben wurde. „Fortsetzen“ macht dort weiter, wo sie aufgehört hat.</numerusform>
            <numerusform>Die Migration wurde abgebrochen, nachdem %Ln Dokumente geschrieben wurden. „Fortsetzen“ macht dort weiter, wo sie aufgehört hat.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Nothing was written: all %Ln document(s) were already in the target and were skipped. To write them again, choose &quot;Update them&quot; or &quot;Empty the tables first&quot; for existing rows on the Options page.</source>
        <translation>
            <numerusform>Nichts wurde geschrieben: %Ln Dokument war bereits im Ziel und wurde übersprungen. Um es erneut zu schreiben, wählen Sie auf der Seite „Optionen“ für vorhandene Zeilen „Aktualisieren“ oder „Tabellen zuerst leeren“.</numerusform>
            <numerusform>Nichts wurde geschrieben: Alle %Ln Dokumente waren bereits im Ziel und wurden übersprungen. Um sie erneut zu schreiben, wählen Sie auf der Seite „Optionen“ für vorhandene Zeilen „Aktualisieren“ oder „Tabellen zuerst leeren“.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was written: the source gave no documents.</source>
        <translation>Nichts wurde geschrieben: Die Quelle lieferte keine Dokumente.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln document(s) written</source>
        <translation>
            <numerusform>%Ln Dokument geschrieben</numerusform>
            <numerusform>%Ln Dokumente geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %Ln already in the target and skipped</source>
        <translation>
            <numerusform>, %Ln bereits im Ziel und übersprungen</numerusform>
            <numerusform>, %Ln bereits im Ziel und übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %Ln rejected (kept in the reject file)</source>
        <translation>
            <numerusform>, %Ln abgelehnt (in der Datei der abgelehnten Dokumente)</numerusform>
            <numerusform>, %Ln abgelehnt (in der Datei der abgelehnten Dokumente)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> in %1 s.</source>
        <translation> in %1 s.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The check afterwards found %Ln difference(s): see below.</source>
        <translation>
            <numerusform>Die anschließende Prüfung hat %Ln Abweichung gefunden: siehe unten.</numerusform>
            <numerusform>Die anschließende Prüfung hat %Ln Abweichungen gefunden: siehe unten.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The check afterwards found no difference.</source>
        <translation>Die anschließende Prüfung hat keine Abweichung gefunden.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 → %2%3%4: expected %5, found %6</source>
        <translation>%1 → %2%3%4: erwartet %5, gefunden %6</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (_id %1)</source>
        <translation> (_id %1)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Copied to the clipboard: &lt;code&gt;%1&lt;/code&gt;</source>
        <translation>In die Zwischenablage kopiert: &lt;code&gt;%1&lt;/code&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+2"/>
        <source>Target: %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ferry keeps its checkpoints and run records in the schema &lt;code&gt;ferry&lt;/code&gt; of the target database, apart from your tables; drop it once you no longer need Resume or rollback.</source>
        <translation>Ferry speichert seine Prüfpunkte und Laufprotokolle im Schema &lt;code&gt;ferry&lt;/code&gt; der Zieldatenbank, getrennt von Ihren Tabellen; löschen Sie es, sobald Sie Fortsetzen und Zurückrollen nicht mehr brauchen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ferry keeps its checkpoints and run records in the file&apos;s &lt;code&gt;_ferry_*&lt;/code&gt; tables; drop them once you no longer need Resume or rollback.</source>
        <translation>Ferry speichert seine Prüfpunkte und Laufprotokolle in den Tabellen &lt;code&gt;_ferry_*&lt;/code&gt; der Datei; löschen Sie sie, sobald Sie Fortsetzen und Zurückrollen nicht mehr brauchen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Report: %1</source>
        <translation>Bericht: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log: %1</source>
        <translation>Protokoll: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected documents: %1</source>
        <translation>Abgelehnte Dokumente: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON reports (*.json)</source>
        <translation>JSON-Berichte (*.json)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Report saved to %1.</source>
        <translation>Bericht in %1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>ferry::ThroughputChart</name>
    <message>
        <location filename="../ui/throughput_chart.cpp" line="+17"/>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1 docs/s</source>
        <translation>%1 Dok./s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No throughput measured yet</source>
        <translation>Noch kein Durchsatz gemessen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now %1, peak %2</source>
        <translation>Jetzt %1, Spitze %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>docs/s</source>
        <translation>Dok./s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (peak %2)</source>
        <translation>%1 (Spitze %2)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="+24"/>
        <source>Moves MongoDB data into PostgreSQL or SQLite and back.</source>
        <translation>Verschiebt MongoDB-Daten nach PostgreSQL oder SQLite und zurück.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start on the demo project.</source>
        <translation>Mit dem Demoprojekt beginnen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A .ferry project to open.</source>
        <translation>Ein zu öffnendes .ferry-Projekt.</translation>
    </message>
</context>
</TS>

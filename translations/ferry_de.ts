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
        <location filename="../models/collections_model.cpp" line="+71"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
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
        <location line="+24"/>
        <source>Collection</source>
        <translation>Collection</translation>
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
        <location filename="../ui/collections_page.cpp" line="+24"/>
        <source>Collections</source>
        <translation>Collections</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick the collections to move and check the tables they become. Double-click a table name to change it.</source>
        <translation>Haken Sie die zu verschiebenden Collections an und prüfen Sie die Tabellen, die daraus werden. Ein Doppelklick auf einen Tabellennamen ändert ihn.</translation>
    </message>
    <message>
        <location line="+20"/>
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
        <source>Select &amp;none</source>
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
        <location line="+68"/>
        <source>Reading %1: collections, counts and a sample of each…</source>
        <translation>Lese %1: Collections, Anzahlen und eine Stichprobe von jeder …</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Add collections found in the source</source>
        <translation>In der Quelle gefundene Collections hinzufügen</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n collection(s) found.</source>
        <translation>
            <numerusform>%n Collection gefunden.</numerusform>
            <numerusform>%n Collections gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
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
        <location line="+18"/>
        <source>Run &amp;again</source>
        <translation>&amp;Erneut ausführen</translation>
    </message>
    <message>
        <location line="+28"/>
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
        <location line="+65"/>
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
        <location line="+9"/>
        <source>The dry run failed; see the log. Go back to fix the mapping or the connection.</source>
        <translation>Der Probelauf ist fehlgeschlagen; siehe Protokoll. Gehen Sie zurück und korrigieren Sie die Zuordnung oder die Verbindung.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The dry run passed. Estimated time for the real run: %1.</source>
        <translation>Der Probelauf war erfolgreich. Geschätzte Dauer der echten Migration: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>under a second</source>
        <translation>unter einer Sekunde</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>about %n second(s)</source>
        <translation>
            <numerusform>etwa %n Sekunde</numerusform>
            <numerusform>etwa %n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n sample document(s) would be rejected.</source>
        <translation>
            <numerusform>%n Beispieldokument würde abgelehnt.</numerusform>
            <numerusform>%n Beispieldokumente würden abgelehnt.</numerusform>
        </translation>
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
        <location filename="../ui/endpoint_page.cpp" line="+42"/>
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
        <location line="-14"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 files (%2);;All files (*)</source>
        <translation>%1-Dateien (%2);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Used for this session only: Ferry never writes passwords to the project file or a log.</source>
        <translation>Nur für diese Sitzung: Ferry schreibt Passwörter nie in die Projektdatei oder ein Protokoll.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remember password in the &amp;keychain</source>
        <translation>Passwort im &amp;Schlüsselbund merken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keeps the password in the system keychain, under this URI, so it is filled in next time.</source>
        <translation>Legt das Passwort unter dieser URI im Schlüsselbund des Systems ab, damit es beim nächsten Mal eingetragen wird.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No keychain is available here: Ferry asks for the password each time and never saves it.</source>
        <translation>Hier ist kein Schlüsselbund verfügbar: Ferry fragt jedes Mal nach dem Passwort und speichert es nie.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <location line="+261"/>
        <source>Choose the folder</source>
        <translation>Ordner wählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Choose the file</source>
        <translation>Datei wählen</translation>
    </message>
    <message>
        <location line="-302"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>U&amp;RI:</source>
        <translation>U&amp;RI:</translation>
    </message>
    <message>
        <location line="+292"/>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The target is the source. Choose another database or file.</source>
        <translation>Das Ziel ist die Quelle. Wählen Sie eine andere Datenbank oder Datei.</translation>
    </message>
    <message>
        <location line="+18"/>
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
        <location line="+23"/>
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
        <location line="+56"/>
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
        <location line="+7"/>
        <source>&amp;Log:</source>
        <translation>&amp;Protokoll:</translation>
    </message>
</context>
<context>
    <name>ferry::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="+28"/>
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
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About Ferry</source>
        <translation>Ü&amp;ber Ferry</translation>
    </message>
    <message>
        <location line="+22"/>
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
        <location line="+228"/>
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
        <location filename="../ui/mapping_page.cpp" line="+30"/>
        <source>Mapping</source>
        <translation>Zuordnung</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Collection:</source>
        <translation>&amp;Collection:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Table:</source>
        <translation>&amp;Tabelle:</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Untick fields to leave them out (or drag them onto the columns to bring them back), choose how arrays and maps are stored, and rename or retype columns. The preview shows what the run will write.</source>
        <translation>Entfernen Sie den Haken bei Feldern, um sie auszulassen (oder ziehen Sie sie auf die Spalten, um sie zurückzuholen), wählen Sie, wie Arrays und Maps gespeichert werden, und benennen Sie Spalten um oder ändern Sie ihren Typ. Die Vorschau zeigt, was die Migration schreiben wird.</translation>
    </message>
    <message>
        <location line="+31"/>
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
        <location line="+29"/>
        <source>&amp;Preview (first rows, from sample documents):</source>
        <translation>&amp;Vorschau (erste Zeilen, aus Beispieldokumenten):</translation>
    </message>
    <message numerus="yes">
        <location line="+61"/>
        <source>%n sample document(s) would be rejected: %1</source>
        <translation>
            <numerusform>%n Beispieldokument würde abgelehnt: %1</numerusform>
            <numerusform>%n Beispieldokumente würden abgelehnt: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+66"/>
        <source>%1 (rows of %2)</source>
        <translation>%1 (Zeilen von %2)</translation>
    </message>
    <message>
        <location line="+60"/>
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
        <location filename="../ui/migration_wizard.cpp" line="+33"/>
        <source>Ferry</source>
        <translation>Ferry</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>shop-demo</source>
        <translation>shop-demo</translation>
    </message>
</context>
<context>
    <name>ferry::OptionsPage</name>
    <message>
        <location filename="../ui/options_page.cpp" line="+14"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the run writes: the defaults suit a first migration and a safe re-run.</source>
        <translation>Wie die Migration schreibt: Die Voreinstellungen passen für eine erste Migration und eine sichere Wiederholung.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Documents per transaction. Each batch commits with its checkpoint, so a resumed run repeats at most one batch.</source>
        <translation>Dokumente je Transaktion. Jeder Stapel wird mit seinem Kontrollpunkt bestätigt, daher wiederholt eine fortgesetzte Migration höchstens einen Stapel.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>all documents</source>
        <translation>alle Dokumente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents sampled (spread over each collection) to find its fields.</source>
        <translation>Stichprobe (über jede Collection verteilt), aus der ihre Felder ermittelt werden.</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <source>Fields a document has that the mapping does not know, e.g. ones that appeared after sampling.</source>
        <translation>Felder eines Dokuments, die die Zuordnung nicht kennt, z. B. solche, die nach der Stichprobe hinzukamen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Batch size:</source>
        <translation>&amp;Stapelgröße:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sample size:</source>
        <translation>Stichproben&amp;größe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Existing rows:</source>
        <translation>&amp;Vorhandene Zeilen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On a bad &amp;document:</source>
        <translation>Bei einem fehlerhaften &amp;Dokument:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;ObjectId keys:</source>
        <translation>&amp;ObjectId-Schlüssel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unknown fields:</source>
        <translation>&amp;Unbekannte Felder:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Change run options</source>
        <translation>Migrationsoptionen ändern</translation>
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
    <name>ferry::ReportModel</name>
    <message>
        <location filename="../models/report_model.cpp" line="+44"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+30"/>
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
        <location line="+2"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows per table</source>
        <translation>Zeilen je Tabelle</translation>
    </message>
</context>
<context>
    <name>ferry::RunPage</name>
    <message numerus="yes">
        <location filename="../ui/run_page.cpp" line="+32"/>
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
        <location line="+109"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location line="-107"/>
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
        <location line="+62"/>
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
    <name>ferry::SourceJobs</name>
    <message numerus="yes">
        <location filename="../models/source_jobs.cpp" line="+21"/>
        <source>Connected: %n collection(s) found.</source>
        <translation>
            <numerusform>Verbunden: %n Collection gefunden.</numerusform>
            <numerusform>Verbunden: %n Collections gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connected: the target accepts connections.</source>
        <translation>Verbunden: Das Ziel nimmt Verbindungen an.</translation>
    </message>
</context>
<context>
    <name>ferry::StartPage</name>
    <message>
        <location filename="../ui/start_page.cpp" line="+17"/>
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
        <source>&amp;New migration</source>
        <translation>&amp;Neue Migration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a source and a target and build a mapping step by step.</source>
        <translation>Wählen Sie eine Quelle und ein Ziel und bauen Sie Schritt für Schritt eine Zuordnung.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open project…</source>
        <translation>Projekt ö&amp;ffnen …</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location filename="../ui/summary_page.cpp" line="+31"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was moved. Rejected documents are kept, unchanged, in the reject file.</source>
        <translation>Was verschoben wurde. Abgelehnte Dokumente liegen unverändert in der Ablehnungsdatei.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Save report…</source>
        <translation>Bericht &amp;speichern …</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>Status: %1 — %n document(s) written</source>
        <translation>
            <numerusform>Status: %1 – %n Dokument geschrieben</numerusform>
            <numerusform>Status: %1 – %n Dokumente geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n rejected</source>
        <translation>
            <numerusform>, %n abgelehnt</numerusform>
            <numerusform>, %n abgelehnt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> in %1 s.</source>
        <translation> in %1 s.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Report: %1</source>
        <translation>Bericht: %1</translation>
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
        <location line="+6"/>
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
        <location filename="../app/main.cpp" line="+23"/>
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

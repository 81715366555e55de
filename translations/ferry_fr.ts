<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ferry::AboutBox</name>
    <message>
        <location filename="../ui/about_box.cpp" line="+16"/>
        <source>About Ferry</source>
        <translation>À propos de Ferry</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;h3&gt;Ferry %1&lt;/h3&gt;&lt;p&gt;Moves data between MongoDB and PostgreSQL or SQLite, in either direction, with a wizard and a command line (&lt;tt&gt;ferry-cli&lt;/tt&gt;).&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ferry %1&lt;/h3&gt;&lt;p&gt;Déplace des données entre MongoDB et PostgreSQL ou SQLite, dans les deux sens, avec un assistant et une ligne de commande (&lt;tt&gt;ferry-cli&lt;/tt&gt;).&lt;/p&gt;&lt;p&gt;Compilé avec Qt %2, exécuté avec Qt %3.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ferry::CollectionsModel</name>
    <message>
        <location filename="../models/collections_model.cpp" line="+71"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n table(s) in the target</source>
        <translation>
            <numerusform>%n table dans la cible</numerusform>
            <numerusform>%n tables dans la cible</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Migrate %1</source>
        <translation>Migrer %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Leave out %1</source>
        <translation>Laisser %1 de côté</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rename table of %1 to %2</source>
        <translation>Renommer la table de %1 en %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Move %1</source>
        <translation>Déplacer %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target table</source>
        <translation>Table cible</translation>
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
        <translation>Cochez les collections à déplacer et vérifiez les tables qu’elles deviennent. Double-cliquez sur un nom de table pour le changer.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Move &amp;up</source>
        <translation>Monter (&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the selected collection earlier (%1)</source>
        <translation>Traiter la collection choisie plus tôt (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move do&amp;wn</source>
        <translation>Descendre (&amp;W)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the selected collection later (%1)</source>
        <translation>Traiter la collection choisie plus tard (%1)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select &amp;all</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;none</source>
        <translation>&amp;Aucune</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the source again (counts, fields, sample documents).</source>
        <translation>Relire la source (effectifs, champs, documents d’exemple).</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Reading %1: collections, counts and a sample of each…</source>
        <translation>Lecture de %1 : collections, effectifs et un échantillon de chacune…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Add collections found in the source</source>
        <translation>Ajouter les collections trouvées dans la source</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n collection(s) found.</source>
        <translation>
            <numerusform>%n collection trouvée.</numerusform>
            <numerusform>%n collections trouvées.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Collections are moved from top to bottom, except that a collection others reference is always moved before them.</source>
        <translation>Les collections sont déplacées de haut en bas, mais une collection que d’autres référencent passe toujours avant elles.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Because of references the run order is: %1.</source>
        <translation>À cause des références, l’ordre d’exécution est : %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select all collections</source>
        <translation>Sélectionner toutes les collections</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select no collection</source>
        <translation>Ne sélectionner aucune collection</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Some target table names cannot be used:
%1</source>
        <translation>Certains noms de tables cibles ne sont pas utilisables :
%1</translation>
    </message>
</context>
<context>
    <name>ferry::DryRunPage</name>
    <message>
        <location filename="../ui/dry_run_page.cpp" line="+30"/>
        <source>&amp;Run</source>
        <translation>&amp;Exécuter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dry run</source>
        <translation>Répétition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A rehearsal on a sample of each collection: tables are created and rows written inside a transaction that is rolled back.</source>
        <translation>Une répétition sur un échantillon de chaque collection : les tables sont créées et les lignes écrites dans une transaction qui est ensuite annulée.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Run &amp;again</source>
        <translation>&amp;Relancer</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Tables and sample rows</source>
        <translation>&amp;Tables et lignes d’exemple</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Statements</source>
        <translation>&amp;Instructions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;jects</source>
        <translation>Re&amp;jets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Log</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Rehearsing on up to %1 documents per collection…</source>
        <translation>Répétition sur %1 documents au plus par collection…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 %2: %3</source>
        <translation>%1 %2 : %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No sample document would be rejected.</source>
        <translation>Aucun document d’exemple ne serait rejeté.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The dry run failed; see the log. Go back to fix the mapping or the connection.</source>
        <translation>La répétition a échoué ; voir le journal. Revenez en arrière pour corriger la correspondance ou la connexion.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The dry run passed. Estimated time for the real run: %1.</source>
        <translation>La répétition a réussi. Durée estimée de la vraie migration : %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>under a second</source>
        <translation>moins d’une seconde</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>about %n second(s)</source>
        <translation>
            <numerusform>environ %n seconde</numerusform>
            <numerusform>environ %n secondes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n sample document(s) would be rejected.</source>
        <translation>
            <numerusform>%n document d’exemple serait rejeté.</numerusform>
            <numerusform>%n documents d’exemple seraient rejetés.</numerusform>
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
        <translation>Table</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sample rows</source>
        <translation>Lignes d’exemple</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Predicted</source>
        <translation>Prévu</translation>
    </message>
</context>
<context>
    <name>ferry::EndpointPage</name>
    <message>
        <location filename="../ui/endpoint_page.cpp" line="+31"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 files (%2);;All files (*)</source>
        <translation>Fichiers %1 (%2);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where does the data come from? A live MongoDB server, a mongodump folder, or a relational database for the way back.</source>
        <translation>D’où viennent les données ? Un serveur MongoDB en service, un dossier mongodump, ou une base relationnelle pour le chemin inverse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where should the data go? Tables are created when they do not exist yet.</source>
        <translation>Où doivent aller les données ? Les tables sont créées si elles n’existent pas encore.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Used for this session only: Ferry never writes passwords to the project file or a log.</source>
        <translation>Utilisé pour cette session seulement : Ferry n’écrit jamais de mot de passe dans le fichier de projet ni dans un journal.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remember password in the &amp;keychain</source>
        <translation>Mémoriser le mot de passe dans le &amp;trousseau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keeps the password in the system keychain, under this URI, so it is filled in next time.</source>
        <translation>Garde le mot de passe dans le trousseau du système, sous cette URI, pour le remplir la prochaine fois.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No keychain is available here: Ferry asks for the password each time and never saves it.</source>
        <translation>Aucun trousseau n’est disponible ici : Ferry demande le mot de passe à chaque fois et ne l’enregistre jamais.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Path:</source>
        <translation>&amp;Chemin :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The location as a URI: filled from the fields above, or paste one (mongodb://, dump:, postgresql://, sqlite:).</source>
        <translation>L’emplacement sous forme d’URI : rempli d’après les champs ci-dessus, ou collez-en une (mongodb://, dump:, postgresql://, sqlite:).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Test connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>U&amp;RI:</source>
        <translation>U&amp;RI :</translation>
    </message>
    <message>
        <location line="+255"/>
        <source>Choose the folder</source>
        <translation>Choisir le dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Choose the file</source>
        <translation>Choisir le fichier</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The target is the source. Choose another database or file.</source>
        <translation>La cible est la source. Choisissez une autre base ou un autre fichier.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Change source</source>
        <translation>Changer la source</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change target</source>
        <translation>Changer la cible</translation>
    </message>
</context>
<context>
    <name>ferry::FieldTreeModel</name>
    <message>
        <location filename="../models/field_tree_model.cpp" line="+168"/>
        <source>%1 (map)</source>
        <translation>%1 (dictionnaire)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>avg %1 items</source>
        <translation>moy. %1 éléments</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>excluded</source>
        <translation>exclu</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Mixed types in %1: %2. The column gets the widest type that keeps every value, or JSON text.</source>
        <translation>Types mélangés dans %1 : %2. La colonne reçoit le type le plus large qui garde chaque valeur, ou du texte JSON.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Include %1</source>
        <translation>Inclure %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exclude %1</source>
        <translation>Exclure %1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Present</source>
        <translation>Présent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Types seen</source>
        <translation>Types vus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mapped as</source>
        <translation>Traduit en</translation>
    </message>
</context>
<context>
    <name>ferry::LanguageMenu</name>
    <message>
        <location filename="../ui/language_menu.cpp" line="+40"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ferry will use %1 from its next start.</source>
        <translation>Ferry utilisera %1 à partir de son prochain démarrage.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the system language</source>
        <translation>la langue du système</translation>
    </message>
</context>
<context>
    <name>ferry::LogModel</name>
    <message>
        <location filename="../models/log_model.cpp" line="+55"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>info</source>
        <translation>info</translation>
    </message>
</context>
<context>
    <name>ferry::LogView</name>
    <message>
        <location filename="../ui/log_view.cpp" line="+21"/>
        <source>Filter messages</source>
        <translation>Filtrer les messages</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All messages</source>
        <translation>Tous les messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warnings and errors</source>
        <translation>Avertissements et erreurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors only</source>
        <translation>Erreurs seulement</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Log:</source>
        <translation>&amp;Journal :</translation>
    </message>
</context>
<context>
    <name>ferry::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="+28"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save &amp;As…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About Ferry</source>
        <translation>À &amp;propos de Ferry</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1[*] — Ferry</source>
        <translation>%1[*] — Ferry</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Open project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ferry projects (*.ferry);;All files (*)</source>
        <translation>Projets Ferry (*.ferry);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot open project</source>
        <translation>Impossible d’ouvrir le projet</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot save project</source>
        <translation>Impossible d’enregistrer le projet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save project</source>
        <translation>Enregistrer le projet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ferry projects (*.ferry)</source>
        <translation>Projets Ferry (*.ferry)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The project has changes that are not saved. Save them first?</source>
        <translation>Le projet a des modifications non enregistrées. Les enregistrer d’abord ?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Migration running</source>
        <translation>Migration en cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A migration is running. Cancel it and close? Committed batches stay in the target; the run can be resumed later.</source>
        <translation>Une migration est en cours. L’annuler et fermer ? Les lots validés restent dans la cible ; la migration pourra reprendre plus tard.</translation>
    </message>
</context>
<context>
    <name>ferry::MappingEdits</name>
    <message>
        <location filename="../models/mapping_edits.cpp" line="+208"/>
        <source>Child table</source>
        <translation>Table enfant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON column</source>
        <translation>Colonne JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PostgreSQL array</source>
        <translation>Tableau PostgreSQL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Key/value table</source>
        <translation>Table clé/valeur</translation>
    </message>
    <message>
        <location line="+228"/>
        <source>%1.%2: %3</source>
        <translation>%1.%2 : %3</translation>
    </message>
</context>
<context>
    <name>ferry::MappingModel</name>
    <message>
        <location filename="../models/mapping_model.cpp" line="+116"/>
        <source>(element)</source>
        <translation>(élément)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(parent key)</source>
        <translation>(clé du parent)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(position in array)</source>
        <translation>(position dans le tableau)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(map key)</source>
        <translation>(clé du dictionnaire)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(unknown fields)</source>
        <translation>(champs inconnus)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Stored as %1 in the target</source>
        <translation>Stocké comme %1 dans la cible</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Allow NULL in %1</source>
        <translation>Autoriser NULL dans %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forbid NULL in %1</source>
        <translation>Interdire NULL dans %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Primary key %1</source>
        <translation>Clé primaire %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Rename %1 to %2</source>
        <translation>Renommer %1 en %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Make %1 %2</source>
        <translation>Passer %1 en %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Convert %1 with %2</source>
        <translation>Convertir %1 avec %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Move column %1</source>
        <translation>Déplacer la colonne %1</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Include %1</source>
        <translation>Inclure %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Include %n fields</source>
        <translation>
            <numerusform>Inclure %n champ</numerusform>
            <numerusform>Inclure %n champs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source field</source>
        <translation>Champ source</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conversion</source>
        <translation>Conversion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nullable</source>
        <translation>NULL autorisé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Primary key</source>
        <translation>Clé primaire</translation>
    </message>
</context>
<context>
    <name>ferry::MappingPage</name>
    <message>
        <location filename="../ui/mapping_page.cpp" line="+30"/>
        <source>Mapping</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Untick fields to leave them out (or drag them onto the columns to bring them back), choose how arrays and maps are stored, and rename or retype columns. The preview shows what the run will write.</source>
        <translation>Décochez des champs pour les laisser de côté (ou glissez-les sur les colonnes pour les reprendre), choisissez comment stocker tableaux et dictionnaires, et renommez ou retypez les colonnes. L’aperçu montre ce que la migration écrira.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Collection:</source>
        <translation>&amp;Collection :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Table:</source>
        <translation>&amp;Table :</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>How the selected array or map is stored: rows of a child table (one per element, or per key for a map), one JSON column, a PostgreSQL array (arrays only), or not at all.</source>
        <translation>Comment le tableau ou dictionnaire choisi est stocké : en lignes d’une table enfant (une par élément, ou par clé pour un dictionnaire), en une colonne JSON, en tableau PostgreSQL (tableaux seulement), ou pas du tout.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Array or map stored as:</source>
        <translation>&amp;Tableau ou dictionnaire stocké en :</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected column one place up</source>
        <translation>Monter la colonne choisie d’un cran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do&amp;wn</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected column one place down</source>
        <translation>Descendre la colonne choisie d’un cran</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Preview (first rows, from sample documents):</source>
        <translation>&amp;Aperçu (premières lignes, d’après les documents d’exemple) :</translation>
    </message>
    <message numerus="yes">
        <location line="+61"/>
        <source>%n sample document(s) would be rejected: %1</source>
        <translation>
            <numerusform>%n document d’exemple serait rejeté : %1</numerusform>
            <numerusform>%n documents d’exemple seraient rejetés : %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+66"/>
        <source>%1 (rows of %2)</source>
        <translation>%1 (lignes de %2)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Store %1 as %2</source>
        <translation>Stocker %1 en %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+16"/>
        <source>Fix these names to go on: %1</source>
        <translation>Corrigez ces noms pour continuer : %1</translation>
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
        <translation>Options</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the run writes: the defaults suit a first migration and a safe re-run.</source>
        <translation>Comment la migration écrit : les réglages par défaut conviennent à une première migration et à une relance sans risque.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Documents per transaction. Each batch commits with its checkpoint, so a resumed run repeats at most one batch.</source>
        <translation>Documents par transaction. Chaque lot est validé avec son point de reprise, si bien qu’une reprise refait au plus un lot.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>all documents</source>
        <translation>tous les documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents sampled (spread over each collection) to find its fields.</source>
        <translation>Documents échantillonnés (répartis sur chaque collection) pour trouver ses champs.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Skip rows whose key exists</source>
        <translation>Sauter les lignes dont la clé existe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update them (upsert)</source>
        <translation>Les mettre à jour (upsert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop with an error</source>
        <translation>S’arrêter sur une erreur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty the tables first (truncate)</source>
        <translation>Vider d’abord les tables (truncate)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the run</source>
        <translation>Arrêter la migration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject the document to a file and go on</source>
        <translation>Rejeter le document dans un fichier et continuer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ObjectId as 24 hex characters</source>
        <translation>ObjectId en 24 caractères hexadécimaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ObjectId as a UUID (deterministic v5)</source>
        <translation>ObjectId en UUID (déterministe, v5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep them in a JSON column (_extra)</source>
        <translation>Les garder dans une colonne JSON (_extra)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject the document</source>
        <translation>Rejeter le document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore them (counted in the report)</source>
        <translation>Les ignorer (comptés dans le rapport)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fields a document has that the mapping does not know, e.g. ones that appeared after sampling.</source>
        <translation>Champs d’un document que la correspondance ne connaît pas, par exemple apparus après l’échantillonnage.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Batch size:</source>
        <translation>Taille des &amp;lots :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sample size:</source>
        <translation>Taille de l’&amp;échantillon :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Existing rows:</source>
        <translation>Lignes &amp;existantes :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On a bad &amp;document:</source>
        <translation>Sur un &amp;document invalide :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;ObjectId keys:</source>
        <translation>Clés &amp;ObjectId :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unknown fields:</source>
        <translation>Champs &amp;inconnus :</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Change run options</source>
        <translation>Changer les options de migration</translation>
    </message>
</context>
<context>
    <name>ferry::ProgressModel</name>
    <message>
        <location filename="../models/progress_model.cpp" line="+53"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 docs/s</source>
        <translation>%1 doc./s</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read</source>
        <translation>Lus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Written</source>
        <translation>Écrits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected</source>
        <translation>Rejetés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rate</source>
        <translation>Débit</translation>
    </message>
</context>
<context>
    <name>ferry::ReportModel</name>
    <message>
        <location filename="../models/report_model.cpp" line="+44"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Written</source>
        <translation>Écrits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipped</source>
        <translation>Sautés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected</source>
        <translation>Rejetés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows per table</source>
        <translation>Lignes par table</translation>
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
        <translation>Déplacement des données. Chaque lot est validé avec un point de reprise : une migration annulée ou interrompue peut reprendre.</translation>
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
        <translation>Faire une pause après le lot en cours d’écriture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel run</source>
        <translation>&amp;Annuler la migration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop after the batch being written; committed batches stay and the run can be resumed</source>
        <translation>S’arrêter après le lot en cours d’écriture ; les lots validés restent et la migration peut reprendre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Overall:</source>
        <translation>Total :</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cancelling after the current batch…</source>
        <translation>Annulation après le lot en cours…</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>%1 docs/s</source>
        <translation>%1 doc./s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>elapsed %1</source>
        <translation>écoulé %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ETA %1</source>
        <translation>reste env. %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paused.</source>
        <translation>En pause.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resumed.</source>
        <translation>Reprise.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Finished: %1.</source>
        <translation>Terminé : %1.</translation>
    </message>
</context>
<context>
    <name>ferry::SourceJobs</name>
    <message numerus="yes">
        <location filename="../models/source_jobs.cpp" line="+21"/>
        <source>Connected: %n collection(s) found.</source>
        <translation>
            <numerusform>Connecté : %n collection trouvée.</numerusform>
            <numerusform>Connecté : %n collections trouvées.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connected: the target accepts connections.</source>
        <translation>Connecté : la cible accepte les connexions.</translation>
    </message>
</context>
<context>
    <name>ferry::StartPage</name>
    <message>
        <location filename="../ui/start_page.cpp" line="+17"/>
        <source>Welcome to Ferry</source>
        <translation>Bienvenue dans Ferry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move MongoDB data into PostgreSQL or SQLite — or back — with a mapping you can review, rehearse and save.</source>
        <translation>Déplacez des données MongoDB vers PostgreSQL ou SQLite — ou en sens inverse — avec une correspondance que vous pouvez relire, répéter et enregistrer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New migration</source>
        <translation>&amp;Nouvelle migration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a source and a target and build a mapping step by step.</source>
        <translation>Choisissez une source et une cible et construisez une correspondance pas à pas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open project…</source>
        <translation>&amp;Ouvrir un projet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue with a saved .ferry project.</source>
        <translation>Continuer avec un projet .ferry enregistré.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Try the &amp;demo</source>
        <translation>Essayer la &amp;démo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A small shop (customers, products, orders) from a mongodump into a SQLite file.</source>
        <translation>Une petite boutique (clients, produits, commandes) d’un mongodump vers un fichier SQLite.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Recent projects:</source>
        <translation>Projets &amp;récents :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Double-click or press Enter to open</source>
        <translation>Double-cliquez ou appuyez sur Entrée pour ouvrir</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Open project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ferry projects (*.ferry);;All files (*)</source>
        <translation>Projets Ferry (*.ferry);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The demo data was not found. Set FERRY_DEMO_DIR to the resources/demo/shop folder of a Ferry checkout.</source>
        <translation>Les données de démo sont introuvables. Donnez à FERRY_DEMO_DIR le dossier resources/demo/shop d’une copie de Ferry.</translation>
    </message>
</context>
<context>
    <name>ferry::SummaryPage</name>
    <message>
        <location filename="../ui/summary_page.cpp" line="+31"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was moved. Rejected documents are kept, unchanged, in the reject file.</source>
        <translation>Ce qui a été déplacé. Les documents rejetés sont gardés, inchangés, dans le fichier des rejets.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Save report…</source>
        <translation>&amp;Enregistrer le rapport…</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>Status: %1 — %n document(s) written</source>
        <translation>
            <numerusform>État : %1 — %n document écrit</numerusform>
            <numerusform>État : %1 — %n documents écrits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n rejected</source>
        <translation>
            <numerusform>, %n rejeté</numerusform>
            <numerusform>, %n rejetés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> in %1 s.</source>
        <translation> en %1 s.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Report: %1</source>
        <translation>Rapport : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected documents: %1</source>
        <translation>Documents rejetés : %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON reports (*.json)</source>
        <translation>Rapports JSON (*.json)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Report saved to %1.</source>
        <translation>Rapport enregistré dans %1.</translation>
    </message>
</context>
<context>
    <name>ferry::ThroughputChart</name>
    <message>
        <location filename="../ui/throughput_chart.cpp" line="+17"/>
        <source>Throughput</source>
        <translation>Débit</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1 docs/s</source>
        <translation>%1 doc./s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No throughput measured yet</source>
        <translation>Aucun débit mesuré pour l’instant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now %1, peak %2</source>
        <translation>Actuel %1, pointe %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>docs/s</source>
        <translation>doc./s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (peak %2)</source>
        <translation>%1 (pointe %2)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="+23"/>
        <source>Moves MongoDB data into PostgreSQL or SQLite and back.</source>
        <translation>Déplace des données MongoDB vers PostgreSQL ou SQLite, et en sens inverse.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start on the demo project.</source>
        <translation>Démarrer sur le projet de démo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A .ferry project to open.</source>
        <translation>Un projet .ferry à ouvrir.</translation>
    </message>
</context>
</TS>

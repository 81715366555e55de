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
        <location filename="../models/collections_model.cpp" line="+75"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>view</source>
        <translation>vue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>time-series buckets</source>
        <translation>buckets de série temporelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+46"/>
        <source>time-series</source>
        <translation>série temporelle</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>oplog</source>
        <translation>oplog</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ferry bookkeeping</source>
        <translation>Suivi interne de Ferry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>system</source>
        <translation>système</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not migrated: %1</source>
        <translation>non migrée : %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not migrated: %2.</source>
        <translation>%1 n’est pas migrée : %2.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>collection</source>
        <translation>collection</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A time-series collection: each measurement is migrated as one document of %1, as MongoDB users see it, not its internal buckets.</source>
        <translation>Une collection de série temporelle : chaque mesure est migrée comme un document de %1, telle que les utilisateurs de MongoDB la voient, et non ses buckets internes.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
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
        <location line="+25"/>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>Type</translation>
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
        <location filename="../ui/collections_page.cpp" line="+25"/>
        <source>Collections</source>
        <translation>Collections</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick the collections to move and check the tables they become. Double-click a table name to change it.</source>
        <translation>Cochez les collections à déplacer et vérifiez les tables qu’elles deviennent. Double-cliquez sur un nom de table pour le changer.</translation>
    </message>
    <message>
        <location line="+22"/>
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
        <source>Select n&amp;one</source>
        <translation>Tout &amp;désélectionner</translation>
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
        <location line="+6"/>
        <source>all documents</source>
        <translation>tous les documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> documents</source>
        <translation> documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents read, spread over each collection, to find its fields and types. More finds rare fields; fewer is faster. Reload applies it to collections already read.</source>
        <translation>Documents lus, répartis sur chaque collection, pour trouver ses champs et leurs types. Plus trouve les champs rares ; moins est plus rapide. Recharger l’applique aux collections déjà lues.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sam&amp;ple:</source>
        <translation>Éc&amp;hantillon :</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Change the sample size</source>
        <translation>Changer la taille de l’échantillon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press Reload to read the source again with the new sample.</source>
        <translation>Cliquez sur Recharger pour relire la source avec le nouvel échantillon.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Reading %1: collections, counts and a sample of each…</source>
        <translation>Lecture de %1 : collections, effectifs et un échantillon de chacune…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Add collections found in the source</source>
        <translation>Ajouter les collections trouvées dans la source</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n collection(s) found.</source>
        <translation>
            <numerusform>%n collection trouvée.</numerusform>
            <numerusform>%n collections trouvées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n more not migrated: greyed below, with the reason.</source>
        <translation>
            <numerusform>%n autre non migrée : grisée ci-dessous, avec la raison.</numerusform>
            <numerusform>%n autres non migrées : grisées ci-dessous, avec la raison.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
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
    <name>ferry::ConnectionCheck</name>
    <message>
        <location filename="../ui/connection_check.cpp" line="+14"/>
        <source>&amp;Test connection</source>
        <translation>Tester la co&amp;nnexion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect now and report what was found. Next checks the same.</source>
        <translation>Se connecter maintenant et indiquer ce qui a été trouvé. Suivant vérifie la même chose.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking the connection</source>
        <translation>Vérification de la connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop checking</source>
        <translation>Arrêter le te&amp;st</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop waiting for the answer, e.g. to correct a mistyped host.</source>
        <translation>Ne plus attendre la réponse, par exemple pour corriger un hôte mal saisi.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stopped. Correct the fields, then press Next or Test connection.</source>
        <translation>Arrêté. Corrigez les champs, puis cliquez sur Suivant ou Tester la connexion.</translation>
    </message>
</context>
<context>
    <name>ferry::DocumentFieldsModel</name>
    <message>
        <location filename="../models/document_fields_model.cpp" line="+58"/>
        <source>%1 (column %2)</source>
        <translation>%1 (colonne %2)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The table&apos;s key becomes the document&apos;s _id: it is always kept.</source>
        <translation>La clé de la table devient l’_id du document : elle est toujours conservée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Double-click or press F2 to rename the field in the documents.</source>
        <translation>Double-cliquez ou appuyez sur F2 pour renommer le champ dans les documents.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Untick to leave the field out of the documents.</source>
        <translation>Décochez pour laisser le champ hors des documents.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source type</source>
        <translation>Type source</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name in documents</source>
        <translation>Nom dans les documents</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Keep %1.%2</source>
        <translation>Garder %1.%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave out %1.%2</source>
        <translation>Laisser %1.%2 de côté</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rename %1.%2 to %3</source>
        <translation>Renommer %1.%2 en %3</translation>
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
        <location line="+20"/>
        <source>Run &amp;again</source>
        <translation>&amp;Relancer</translation>
    </message>
    <message>
        <location line="+31"/>
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
        <location line="+68"/>
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
        <location line="+14"/>
        <source>The dry run failed. %1 Go Back to correct the mapping or the connection, then press Run again.</source>
        <translation>La répétition a échoué. %1 Revenez en arrière pour corriger la correspondance ou la connexion, puis cliquez sur Relancer.</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>about %Ln second(s)</source>
        <translation>
            <numerusform>environ %Ln seconde</numerusform>
            <numerusform>environ %Ln secondes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln sample document(s) would be rejected.</source>
        <translation>
            <numerusform>%Ln document d’exemple serait rejeté.</numerusform>
            <numerusform>%Ln documents d’exemple seraient rejetés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln sampled document(s) are already in the target: a real run would skip them (Existing rows on the Options page).</source>
        <translation>
            <numerusform>%Ln document d’exemple est déjà dans la cible : une vraie migration le sauterait (Lignes existantes, page Options).</numerusform>
            <numerusform>%Ln documents d’exemple sont déjà dans la cible : une vraie migration les sauterait (Lignes existantes, page Options).</numerusform>
        </translation>
    </message>
    <message>
        <location line="-9"/>
        <source>The dry run passed. Estimated time for the real run: %1.</source>
        <translation>La répétition a réussi. Durée estimée de la vraie migration : %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>under a second</source>
        <translation>moins d’une seconde</translation>
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
        <location filename="../ui/endpoint_page.cpp" line="+52"/>
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
        <source>Re&amp;member password in the keychain</source>
        <translation>&amp;Garder le mot de passe dans le trousseau</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Br&amp;owse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location line="-19"/>
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
        <location line="+16"/>
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
        <source>&amp;Kind:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>U&amp;RI:</source>
        <translation>U&amp;RI :</translation>
    </message>
    <message>
        <location line="+376"/>
        <source>The target is the source. Choose another database or file.</source>
        <translation>La cible est la source. Choisissez une autre base ou un autre fichier.</translation>
    </message>
    <message>
        <location line="+72"/>
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
        <location line="+5"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+25"/>
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
        <location line="+67"/>
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
        <location line="+10"/>
        <source>&amp;Messages:</source>
        <translation>&amp;Messages :</translation>
    </message>
</context>
<context>
    <name>ferry::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="+31"/>
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
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Full screen</source>
        <translation>&amp;Plein écran</translation>
    </message>
    <message>
        <location line="+28"/>
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
    <message>
        <location filename="../ui/help_menu.cpp" line="+42"/>
        <source>Alt+N	Next page</source>
        <translation>Alt+N	Page suivante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+B	Previous page</source>
        <translation>Alt+B	Page précédente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+underlined letter	The button or field with that letter</source>
        <translation>Alt+lettre soulignée	Le bouton ou le champ portant cette lettre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alt+Up, Alt+Down	Collections: run the selected collection earlier or later</source>
        <translation>Alt+Up, Alt+Down	Collections : traiter la collection choisie plus tôt ou plus tard</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Space	Tick or untick the selected collection</source>
        <translation>Space	Cocher ou décocher la collection choisie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F2	Rename the selected table or column</source>
        <translation>F2	Renommer la table ou la colonne choisie</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Documentation</source>
        <translation>&amp;Documentation</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Documentation</source>
        <translation>Documentation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The documentation (README.md) was not found beside Ferry. It is also shown by ferry-cli --help.</source>
        <translation>La documentation (README.md) est introuvable à côté de Ferry. ferry-cli --help l’affiche aussi.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;About Ferry</source>
        <translation>À &amp;propos de Ferry</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
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
        <location line="+256"/>
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
        <location filename="../ui/mapping_page.cpp" line="+33"/>
        <source>Mapping</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Untick fields to leave them out, choose how arrays and maps are stored, rename or retype columns; the preview shows the rows.</source>
        <translation>Décochez des champs pour les laisser de côté, choisissez comment les tableaux et dictionnaires sont stockés, renommez ou retypez des colonnes ; l’aperçu montre les lignes.</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <location line="+31"/>
        <source>&amp;Preview (first rows, from sample documents):</source>
        <translation>&amp;Aperçu (premières lignes, d’après les documents d’exemple) :</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Editor</source>
        <translation>Éd&amp;iteur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The tables the run creates and how they are linked. Click a table, or Tab to it and press Enter, to edit it.</source>
        <translation>Les tables que la migration crée et leurs liens. Cliquez sur une table, ou atteignez-la avec Tab et appuyez sur Entrée, pour la modifier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Diagram</source>
        <translation>Dia&amp;gramme</translation>
    </message>
    <message numerus="yes">
        <location line="+59"/>
        <source>%n sample document(s) would be rejected: %1</source>
        <translation>
            <numerusform>%n document d’exemple serait rejeté : %1</numerusform>
            <numerusform>%n documents d’exemple seraient rejetés : %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+89"/>
        <source>%1 (rows of %2)</source>
        <translation>%1 (lignes de %2)</translation>
    </message>
    <message>
        <location line="+63"/>
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
        <translation>Options</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the run writes: the defaults suit a first migration and a safe re-run.</source>
        <translation>Comment la migration écrit : les réglages par défaut conviennent à une première migration et à une relance sans risque.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+38"/>
        <source>Documents per transaction. Each batch commits with its checkpoint, so a resumed run repeats at most one batch.</source>
        <translation>Documents par transaction. Chaque lot est validé avec son point de reprise, si bien qu’une reprise refait au plus un lot.</translation>
    </message>
    <message>
        <location line="-35"/>
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
        <location line="+31"/>
        <source>Fields a document has that the mapping does not know, e.g. ones that appeared after sampling.</source>
        <translation>Champs d’un document que la correspondance ne connaît pas, par exemple apparus après l’échantillonnage.</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Batch si&amp;ze:</source>
        <translation>&amp;Taille des lots :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Existing rows:</source>
        <translation>Lignes &amp;existantes :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happens to a document whose key the target already holds, e.g. when running again.</source>
        <translation>Ce qui arrive à un document dont la clé est déjà dans la cible, par exemple lors d’une nouvelle migration.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On a bad &amp;document:</source>
        <translation>Sur un &amp;document invalide :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A document the target cannot take (a value that does not fit its column).</source>
        <translation>Un document que la cible ne peut pas accepter (une valeur qui ne tient pas dans sa colonne).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;ObjectId keys:</source>
        <translation>Clés &amp;ObjectId :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How MongoDB&apos;s ObjectId keys are written: as text, or as a UUID derived from them (the same every run).</source>
        <translation>Comment les clés ObjectId de MongoDB sont écrites : en texte, ou en UUID dérivé de celles-ci (le même à chaque migration).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Unknown fields:</source>
        <translation>Champs &amp;inconnus :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sample size used to infer the mapping is set on the Collections page.</source>
        <translation>La taille de l’échantillon qui sert à déduire la correspondance se règle sur la page Collections.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Change run options</source>
        <translation>Changer les options de migration</translation>
    </message>
</context>
<context>
    <name>ferry::PathBrowser</name>
    <message>
        <location filename="../ui/path_browser.cpp" line="+15"/>
        <source>A &amp;file… (.bson, .json, an --archive, maybe .gz)</source>
        <translation>Un &amp;fichier… (.bson, .json, une --archive, éventuellement .gz)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A f&amp;older… (a dump, or a dump root of databases)</source>
        <translation>Un &amp;dossier… (un dump, ou une racine de dump avec des bases)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose a file or a folder</source>
        <translation>Choisir un fichier ou un dossier</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 files (%2);;All files (*)</source>
        <translation>Fichiers %1 (%2);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose the folder</source>
        <translation>Choisir le dossier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the file</source>
        <translation>Choisir le fichier</translation>
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
        <translation>%1 (%2) fait référence à %3. %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The field of each %1 document that holds the embedded %2.</source>
        <translation>Le champ de chaque document de %1 qui contient les données imbriquées de %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ferry proposes: %1</source>
        <translation>Ferry propose : %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Relation (child → parent)</source>
        <translation>Relation (enfant → parent)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stored as</source>
        <translation>Stocké en</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Field in parent</source>
        <translation>Champ dans le parent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why Ferry proposes it</source>
        <translation>Pourquoi Ferry le propose</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Store %1 in %2 as: %3</source>
        <translation>Stocker %1 dans %2 en : %3</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Embed %1 as field %2</source>
        <translation>Imbriquer %1 comme champ %2</translation>
    </message>
    <message>
        <location filename="../models/relation_rules.cpp" line="+101"/>
        <source>Own collection, with a reference</source>
        <translation>Collection à part, avec une référence</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Embedded array of sub-documents</source>
        <translation>Tableau imbriqué de sous-documents</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Embedded array of ids</source>
        <translation>Tableau imbriqué d’identifiants</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Embedded single sub-document</source>
        <translation>Sous-document unique imbriqué</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 refers to itself (%2): it keeps the id as a reference.</source>
        <translation>%1 fait référence à elle-même (%2) : l’identifiant reste une référence.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The key %1 has several columns, which embedding does not support yet.</source>
        <translation>La clé %1 comporte plusieurs colonnes, ce que l’imbrication ne prend pas encore en charge.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 only links %2 and %3: each %2 document gets the array of its %3 ids, and %1 needs no collection of its own.</source>
        <translation>%1 ne fait que relier %2 et %3 : chaque document de %2 reçoit le tableau des identifiants de ses %3, et %1 n’a pas besoin de sa propre collection.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is already kept in %2 as an array of ids; choose ids here too to have them on the %3 side as well.</source>
        <translation>%1 est déjà conservée dans %2 comme tableau d’identifiants ; choisissez aussi les identifiants ici pour les avoir également du côté de %3.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is referred to by %2: embedding it would copy its rows, so it stays a collection of its own and keeps %3 as a reference to %4.</source>
        <translation>%2 fait référence à %1 : l’imbriquer copierait ses lignes, elle reste donc une collection à part et garde %3 comme référence à %4.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is embedded in %2 (its first key); %3 stays a reference to %4.</source>
        <translation>%1 est imbriquée dans %2 (sa première clé) ; %3 reste une référence à %4.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Each %1 has at most one %2 (%3 is unique): it becomes one sub-document.</source>
        <translation>Chaque %1 a au plus un %2 (%3 est unique) : il devient un sous-document.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rows of %1 belong to one %2 each and nothing else refers to them: they become an array in the %2 document.</source>
        <translation>Les lignes de %1 appartiennent chacune à un %2 et rien d’autre n’y fait référence : elles deviennent un tableau dans le document de %2.</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>%1 is embedded in another table, so what it embeds (%2) would be lost: Ferry embeds one level deep. Keep %1 as its own collection, or the others as references.</source>
        <translation>%1 est imbriquée dans une autre table, donc ce qu’elle imbrique (%2) serait perdu : Ferry n’imbrique que sur un niveau. Gardez %1 comme collection à part, ou les autres comme références.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: the field %2 is there twice (an embedded table and a field of %1, or two embedded tables): rename one.</source>
        <translation>%1 : le champ %2 apparaît deux fois (une table imbriquée et un champ de %1, ou deux tables imbriquées) : renommez-en un.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1.%2: &quot;%3&quot; cannot name a field (empty, a dot, or a leading $).</source>
        <translation>%1.%2 : « %3 » ne peut pas nommer un champ (vide, un point ou un $ initial).</translation>
    </message>
</context>
<context>
    <name>ferry::RelationsPage</name>
    <message>
        <location filename="../ui/relations_page.cpp" line="+55"/>
        <source>Relations</source>
        <translation>Relations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose, for each foreign key, whether the child rows are embedded in the parent&apos;s documents or stay a collection of their own. Ferry&apos;s proposal is preselected; the preview shows a real document as the run will write it.</source>
        <translation>Choisissez, pour chaque clé étrangère, si les lignes enfants sont imbriquées dans les documents du parent ou restent une collection à part. La proposition de Ferry est présélectionnée ; l’aperçu montre un vrai document tel que la migration l’écrira.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Source tables: solid links are embedded, dashed ones stay references. Click a table (or Tab to it, Enter) to edit its fields.</source>
        <translation>Tables sources : les liens pleins sont imbriqués, les liens pointillés restent des références. Cliquez sur une table (ou Tab jusqu’à elle, Entrée) pour modifier ses champs.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Relations (F2 to change the selected one):</source>
        <translation>&amp;Relations (F2 pour modifier celle choisie) :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undo: %1</source>
        <translation>Annuler : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo: %1</source>
        <translation>Rétablir : %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Table:</source>
        <translation>&amp;Table :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Collection name:</source>
        <translation>Nom de la &amp;collection :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fields (untick to leave out, F2 to rename):</source>
        <translation>C&amp;hamps (décocher pour laisser de côté, F2 pour renommer) :</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Preview (one document, from real rows):</source>
        <translation>&amp;Aperçu (un document, d’après de vraies lignes) :</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Why Ferry proposes %1: %2</source>
        <translation>Pourquoi Ferry propose %1 : %2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Reading the tables and foreign keys of the source…</source>
        <translation>Lecture des tables et des clés étrangères de la source…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot read the source&apos;s tables: %1</source>
        <translation>Impossible de lire les tables de la source : %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Apply Ferry&apos;s proposed relations</source>
        <translation>Appliquer les relations proposées par Ferry</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n foreign key(s) between %1 tables.</source>
        <translation>
            <numerusform>%n clé étrangère entre %1 tables.</numerusform>
            <numerusform>%n clés étrangères entre %1 tables.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 is embedded in another collection.</source>
        <translation>%1 est imbriquée dans une autre collection.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The collection %1&apos;s rows go to.</source>
        <translation>La collection où vont les lignes de %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Name the collection of %1 %2</source>
        <translation>Renommer la collection de %1 en %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Fix this to go on: %1</source>
        <translation>Corrigez ceci pour continuer : %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Building the preview…</source>
        <translation>Création de l’aperçu…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No preview: %1</source>
        <translation>Pas d’aperçu : %1</translation>
    </message>
    <message>
        <location filename="../models/relations_jobs.cpp" line="+116"/>
        <source>The project has no table %1.</source>
        <translation>Le projet n’a pas de table %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 has no rows to build a document from.</source>
        <translation>%1 n’a aucune ligne pour construire un document.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The source returned a document that is not BSON.</source>
        <translation>La source a renvoyé un document qui n’est pas du BSON.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The first document of the %1 collection.</source>
        <translation>Le premier document de la collection %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is embedded: a document of the %2 collection that holds some of its rows (field %3).</source>
        <translation>%1 est imbriquée : un document de la collection %2 qui contient certaines de ses lignes (champ %3).</translation>
    </message>
</context>
<context>
    <name>ferry::ReportModel</name>
    <message>
        <location filename="../models/report_model.cpp" line="+36"/>
        <source>not checked</source>
        <translation>non vérifié</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n différence</numerusform>
            <numerusform>%n différences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>same: count, %Ln sampled</source>
        <translation>
            <numerusform>identique : nombre, %Ln échantillonné</numerusform>
            <numerusform>identique : nombre, %Ln échantillonnés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>same: %Ln sampled</source>
        <translation>
            <numerusform>identique : %Ln échantillonné</numerusform>
            <numerusform>identique : %Ln échantillonnés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+34"/>
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
        <location line="+0"/>
        <source>Would write</source>
        <translation>Écrirait</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipped</source>
        <translation>Sautés</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Would skip</source>
        <translation>Sauterait</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected</source>
        <translation>Rejetés</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Predicted rows</source>
        <translation>Lignes prévues</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows in the target</source>
        <translation>Lignes dans la cible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checked</source>
        <translation>Vérifié</translation>
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
        <translation>Déplacement des données. Chaque lot est validé avec un point de reprise : une migration annulée ou interrompue peut reprendre.</translation>
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
        <location line="+81"/>
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
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the whole diagram</source>
        <translation>Afficher tout le diagramme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the diagram as SVG or PNG</source>
        <translation>Enregistrer le diagramme en SVG ou PNG</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+9"/>
        <source>Export diagram</source>
        <translation>Exporter le diagramme</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>schema.svg</source>
        <translation>schema.svg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG drawing (*.svg);;PNG image (*.png)</source>
        <translation>Dessin SVG (*.svg);;Image PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>ferry::SchemaDiagramView</name>
    <message>
        <location filename="../ui/schema_diagram_view.cpp" line="+152"/>
        <source>Schema diagram</source>
        <translation>Diagramme du schéma</translation>
    </message>
    <message>
        <location line="+373"/>
        <source>Cannot write %1: %2.</source>
        <translation>Impossible d’écrire %1 : %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot write %1 as PNG: check the folder exists and can be written to.</source>
        <translation>Impossible d’écrire %1 en PNG : vérifiez que le dossier existe et est accessible en écriture.</translation>
    </message>
    <message>
        <location filename="../models/schema_graph.cpp" line="+53"/>
        <source>rows: documents of %1</source>
        <translation>lignes : documents de %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>rows: elements of %1</source>
        <translation>lignes : éléments de %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rows: entries of map %1</source>
        <translation>lignes : entrées du dictionnaire %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>map %1</source>
        <translation>dictionnaire %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>array %1</source>
        <translation>tableau %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 refers</source>
        <translation>%1 fait référence</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>embedded as %1[]</source>
        <translation>imbriqué en %1[]</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ids in %1[]</source>
        <translation>identifiants dans %1[]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>embedded as %1</source>
        <translation>imbriqué en %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>embedded in %1</source>
        <translation>imbriqué dans %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not moved</source>
        <translation>non migré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>collection %1</source>
        <translation>collection %1</translation>
    </message>
</context>
<context>
    <name>ferry::SourceJobs</name>
    <message>
        <location filename="../models/source_jobs.cpp" line="+35"/>
        <source>Ready: Ferry can write there.</source>
        <translation>Prêt : Ferry peut y écrire.</translation>
    </message>
</context>
<context>
    <name>ferry::SourceSummary</name>
    <message>
        <location filename="../models/source_summary.cpp" line="+13"/>
        <source>BSON file (mongodump)</source>
        <translation>Fichier BSON (mongodump)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JSON file (mongoexport)</source>
        <translation>Fichier JSON (mongoexport)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dump folder</source>
        <translation>Dossier de dump</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Dump root with %n database(s)</source>
        <translation>
            <numerusform>Racine de dump avec %n base de données</numerusform>
            <numerusform>Racine de dump avec %n bases de données</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>mongodump archive with %n database(s)</source>
        <translation>
            <numerusform>archive mongodump avec %n base de données</numerusform>
            <numerusform>archive mongodump avec %n bases de données</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mongodump archive</source>
        <translation>archive mongodump</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, gzip-compressed</source>
        <translation>%1, compression gzip</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n collection(s)</source>
        <translation>
            <numerusform>%n collection</numerusform>
            <numerusform>%n collections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1, %n of them time-series</source>
        <translation>
            <numerusform>%1, dont %n série temporelle</numerusform>
            <numerusform>%1, dont %n séries temporelles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1; %n not migrated (system collections, views and the like: the next page lists them with the reason)</source>
        <translation>
            <numerusform>%1 ; %n non migrée (collections système, vues et autres : la page suivante les liste avec la raison)</numerusform>
            <numerusform>%1 ; %n non migrées (collections système, vues et autres : la page suivante les liste avec la raison)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Found %1.</source>
        <translation>Trouvé : %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1: %2.</source>
        <translation>%1 : %2.</translation>
    </message>
</context>
<context>
    <name>ferry::StartPage</name>
    <message>
        <location filename="../ui/start_page.cpp" line="+43"/>
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
        <source>New &amp;migration</source>
        <translation>&amp;Nouvelle migration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a source and a target and build a mapping step by step.</source>
        <translation>Choisissez une source et une cible et construisez une correspondance pas à pas.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Open project…</source>
        <translation>&amp;Ouvrir un projet…</translation>
    </message>
    <message>
        <location line="+0"/>
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
        <location filename="../ui/summary_page.cpp" line="+62"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Save report…</source>
        <translation>&amp;Enregistrer le rapport…</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>What was moved, and what the check afterwards compared.</source>
        <translation>Ce qui a été déplacé, et ce que la vérification finale a comparé.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Open &amp;target</source>
        <translation>Ouvrir la &amp;cible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;log</source>
        <translation>Ouvrir le journa&amp;l</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run &amp;again</source>
        <translation>&amp;Relancer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The same run once more; rows already in the target are handled as the Options page says.</source>
        <translation>La même migration une nouvelle fois ; les lignes déjà dans la cible sont traitées selon la page Options.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Res&amp;ume</source>
        <translation>Re&amp;prendre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue from the last committed batch of each collection.</source>
        <translation>Continuer à partir du dernier lot validé de chaque collection.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-run re&amp;jected</source>
        <translation>Relancer les re&amp;jetés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the collections that rejected documents again, skipping rows already written: after correcting the mapping, only the rejected documents are tried again.</source>
        <translation>Relancer les collections qui ont rejeté des documents, en sautant les lignes déjà écrites : après correction de la correspondance, seuls les documents rejetés sont retentés.</translation>
    </message>
    <message numerus="yes">
        <location line="+60"/>
        <source>The run failed after %Ln document(s) were written. Committed batches stay in the target: correct the cause (see the log), then Resume.</source>
        <translation>
            <numerusform>La migration a échoué après l’écriture de %Ln document. Les lots validés restent dans la cible : corrigez la cause (voir le journal), puis cliquez sur Reprendre.</numerusform>
            <numerusform>La migration a échoué après l’écriture de %Ln documents. Les lots validés restent dans la cible : corrigez la cause (voir le journal), puis cliquez sur Reprendre.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The run was cancelled after %Ln document(s) were written. Resume continues where it stopped.</source>
        <translation>
            <numerusform>La migration a été annulée après l’écriture de %Ln document. Reprendre continue là où elle s’est arrêtée.</numerusform>
            <numerusform>La migration a été annulée après l’écriture de %Ln documents. Reprendre continue là où elle s’est arrêtée.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Nothing was written: all %Ln document(s) were already in the target and were skipped. To write them again, choose &quot;Update them&quot; or &quot;Empty the tables first&quot; for existing rows on the Options page.</source>
        <translation>
            <numerusform>Rien n’a été écrit : %Ln document était déjà dans la cible et a été sauté. Pour l’écrire à nouveau, choisissez « Les mettre à jour » ou « Vider d’abord les tables » pour les lignes existantes sur la page Options.</numerusform>
            <numerusform>Rien n’a été écrit : les %Ln documents étaient tous déjà dans la cible et ont été sautés. Pour les écrire à nouveau, choisissez « Les mettre à jour » ou « Vider d’abord les tables » pour les lignes existantes sur la page Options.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was written: the source gave no documents.</source>
        <translation>Rien n’a été écrit : la source n’a fourni aucun document.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln document(s) written</source>
        <translation>
            <numerusform>%Ln document écrit</numerusform>
            <numerusform>%Ln documents écrits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %Ln already in the target and skipped</source>
        <translation>
            <numerusform>, %Ln déjà dans la cible et sauté</numerusform>
            <numerusform>, %Ln déjà dans la cible et sautés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %Ln rejected (kept in the reject file)</source>
        <translation>
            <numerusform>, %Ln rejeté (conservé dans le fichier des rejets)</numerusform>
            <numerusform>, %Ln rejetés (conservés dans le fichier des rejets)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> in %1 s.</source>
        <translation> en %1 s.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The check afterwards found %Ln difference(s): see below.</source>
        <translation>
            <numerusform>La vérification finale a trouvé %Ln différence : voir ci-dessous.</numerusform>
            <numerusform>La vérification finale a trouvé %Ln différences : voir ci-dessous.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The check afterwards found no difference.</source>
        <translation>La vérification finale n’a trouvé aucune différence.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 → %2%3%4: expected %5, found %6</source>
        <translation>%1 → %2%3%4 : attendu %5, trouvé %6</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (_id %1)</source>
        <translation> (_id %1)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Copied to the clipboard: &lt;code&gt;%1&lt;/code&gt;</source>
        <translation>Copié dans le presse-papiers : &lt;code&gt;%1&lt;/code&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+2"/>
        <source>Target: %1</source>
        <translation>Cible : %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ferry keeps its checkpoints and run records in the schema &lt;code&gt;ferry&lt;/code&gt; of the target database, apart from your tables; drop it once you no longer need Resume or rollback.</source>
        <translation>Ferry garde ses points de reprise et l&apos;historique des exécutions dans le schéma &lt;code&gt;ferry&lt;/code&gt; de la base cible, à l&apos;écart de vos tables ; supprimez-le quand vous n&apos;avez plus besoin de reprendre ni d&apos;annuler.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ferry keeps its checkpoints and run records in the file&apos;s &lt;code&gt;_ferry_*&lt;/code&gt; tables; drop them once you no longer need Resume or rollback.</source>
        <translation>Ferry garde ses points de reprise et l&apos;historique des exécutions dans les tables &lt;code&gt;_ferry_*&lt;/code&gt; du fichier ; supprimez-les quand vous n&apos;avez plus besoin de reprendre ni d&apos;annuler.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Report: %1</source>
        <translation>Rapport : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log: %1</source>
        <translation>Journal : %1</translation>
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
        <location line="+8"/>
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
        <location filename="../app/main.cpp" line="+24"/>
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

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../plugin/gui/about_dialog.py" line="30" />
            <source>Home page</source>
            <translation>Page d'accueil</translation>
        </message>
        <message>
            <location filename="../plugin/gui/about_dialog.py" line="31" />
            <source>Report a problem</source>
            <translation>Signaler un problème</translation>
        </message>
        <message>
            <location filename="../plugin/gui/about_dialog.py" line="34" />
            <source>Licence: GNU GPL v2 or later.</source>
            <translation>Licence : GNU GPL v2 ou ultérieure.</translation>
        </message>
        <message>
            <location filename="../plugin/gui/about_dialog.py" line="34" />
            <source>Bundled data: the national standard's schema and the reference data are under the Licence Ouverte 2.0 or MIT; see the ATTRIBUTION files in resources/.</source>
            <translation>Données fournies avec l'extension : le schéma du standard national et les données de référence sont sous Licence Ouverte 2.0 ou MIT ; voir les fichiers ATTRIBUTION dans resources/.</translation>
        </message>
        <message>
            <location filename="../plugin/gui/about_dialog.py" line="54" />
            <source>Help and about — {title}</source>
            <translation>Aide et à propos — {title}</translation>
        </message>
        <message>
            <location filename="../plugin/gui/about_dialog.py" line="62" />
            <source>About</source>
            <translation>À propos</translation>
        </message>
        <message>
            <location filename="../plugin/gui/about_dialog.py" line="69" />
            <source>Help (README)</source>
            <translation>Aide (README)</translation>
        </message>
    </context>
    <context>
        <name>ApiAlgorithms</name>
        <message>
            <location filename="../plugin/processing/api_algorithms.py" line="28" />
            <source>API</source>
            <translation>API</translation>
        </message>
        <message>
            <location filename="../plugin/processing/api_algorithms.py" line="48" />
            <source>Pull lieux from an API</source>
            <translation>Récupérer des lieux depuis une API</translation>
        </message>
        <message>
            <location filename="../plugin/processing/api_algorithms.py" line="61" />
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <location filename="../plugin/processing/api_algorithms.py" line="63" />
            <source>Territory (département, commune INSEE code or EPCI SIREN)</source>
            <translation>Territoire (département, code INSEE de commune ou SIREN d'EPCI)</translation>
        </message>
        <message>
            <location filename="../plugin/processing/api_algorithms.py" line="66" />
            <source>Working GeoPackage</source>
            <translation>GeoPackage de travail</translation>
        </message>
        <message>
            <location filename="../plugin/processing/api_algorithms.py" line="86" />
            <source>Pulling {territory} from {source}…</source>
            <translation>Récupération de {territory} depuis {source}…</translation>
        </message>
        <message>
            <location filename="../plugin/processing/api_algorithms.py" line="101" />
            <source>{n} lieux written to {path}.</source>
            <translation>Lieux écrits dans {path} : {n}.</translation>
        </message>
        <message>
            <location filename="../plugin/processing/api_algorithms.py" line="112" />
            <source>Push changed lieux to the Cartographie nationale</source>
            <translation>Envoyer les lieux modifiés à la Cartographie nationale</translation>
        </message>
        <message>
            <location filename="../plugin/processing/api_algorithms.py" line="125" />
            <source>Working layer</source>
            <translation>Couche de travail</translation>
        </message>
        <message>
            <location filename="../plugin/processing/api_algorithms.py" line="127" />
            <source>Dry run (send nothing)</source>
            <translation>Simulation (ne rien envoyer)</translation>
        </message>
        <message>
            <location filename="../plugin/processing/api_algorithms.py" line="129" />
            <source>Push report</source>
            <translation>Rapport d'envoi</translation>
        </message>
        <message>
            <location filename="../plugin/processing/api_algorithms.py" line="144" />
            <source>The working layer must be stored in a GeoPackage (its sync table and push journal live there).</source>
            <translation>La couche de travail doit être enregistrée dans un GeoPackage (sa table de synchronisation et son journal des envois s'y trouvent).</translation>
        </message>
        <message>
            <location filename="../plugin/processing/api_algorithms.py" line="51" />
            <source>Pulls the lieux de médiation numérique of a territory from data·inclusion (API v1), DORA (API v2) or the Cartographie nationale (/carto) into a new working GeoPackage, in the standard's form. TERRITORY is a département code (13, 2A, 974), a commune INSEE code or an EPCI SIREN. Each lieu remembers its origin (source, remote id, remote date_maj, hash) in the GeoPackage's sync table. Tokens: QGIS authentication configuration chosen in the plugin settings, or the variables MEDNUM_DATA_INCLUSION_TOKEN, MEDNUM_DORA_TOKEN, MEDNUM_CARTO_TOKEN.</source>
            <translation>Récupère les lieux de médiation numérique d'un territoire depuis data·inclusion (API v1), DORA (API v2) ou la Cartographie nationale (/carto) dans un nouveau GeoPackage de travail, au format du standard. TERRITORY est un code de département (13, 2A, 974), un code INSEE de commune ou un SIREN d'EPCI. Chaque lieu garde la trace de son origine (source, identifiant distant, date_maj distante, empreinte) dans la table de synchronisation du GeoPackage. Jetons : configuration d'authentification QGIS choisie dans les paramètres de l'extension, ou les variables MEDNUM_DATA_INCLUSION_TOKEN, MEDNUM_DORA_TOKEN, MEDNUM_CARTO_TOKEN.</translation>
        </message>
        <message>
            <location filename="../plugin/processing/api_algorithms.py" line="71" />
            <source>Replace the lieux of the team database</source>
            <translation>Remplacer les lieux de la base d'équipe</translation>
        </message>
        <message>
            <location filename="../plugin/processing/api_algorithms.py" line="115" />
            <source>Sends the lieux of a working layer (GeoPackage or team database) created or changed since the pull to the Cartographie nationale (PATCH /lieux-inclusion-numerique, x-api-key). Lieux with validation errors are not sent; lieux changed remotely since the pull are held back (conflict). Every push is journaled in the GeoPackage (or the team database); pushing twice sends nothing the second time. DRY_RUN shows what would be sent. OUTPUT: the push report (JSON or CSV) with the per-lieu diff.</source>
            <translation>Envoie à la Cartographie nationale les lieux d'une couche de travail (GeoPackage ou base d'équipe) créés ou modifiés depuis la récupération (PATCH /lieux-inclusion-numerique, x-api-key). Les lieux qui comportent des erreurs de validation ne sont pas envoyés ; les lieux modifiés à distance depuis la récupération sont retenus (conflit). Chaque envoi est consigné dans le journal du GeoPackage (ou de la base d'équipe) ; un deuxième envoi identique n'envoie rien. DRY_RUN (simulation) montre ce qui serait envoyé. OUTPUT : le rapport d'envoi (JSON ou CSV) avec les différences lieu par lieu.</translation>
        </message>
    </context>
    <context>
        <name>ApiClient</name>
        <message>
            <location filename="../plugin/api/http.py" line="172" />
            <source>{source}: the address « {url} » is not a valid http(s) URL.</source>
            <translation>{source} : l'adresse « {url} » n'est pas une URL http(s) valide.</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="179" />
            <source>{source}: plain http:// is refused for {host} (the token would travel in clear); use https://.</source>
            <translation>{source} : http:// non chiffré est refusé pour {host} (le jeton circulerait en clair) ; utilisez https://.</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="187" />
            <source>{source}: credentials in the URL are refused; store the token in the QGIS authentication database.</source>
            <translation>{source} : les identifiants dans l'URL sont refusés ; enregistrez le jeton dans la base d'authentification de QGIS.</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="379" />
            <source>{source}: refusing to send the token to another host ({host}).</source>
            <translation>{source} : envoi du jeton à un autre hôte ({host}) refusé.</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="429" />
            <source>{source}: the answer of {path} is not valid JSON (HTTP {status}, {size} bytes, type « {ctype} »). A proxy, a captive portal or a wrong URL?</source>
            <translation>{source} : la réponse de {path} n'est pas du JSON valide (HTTP {status}, {size} octets, type « {ctype} »). Un proxy, un portail captif ou une URL erronée ?</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="461" />
            <source>{source}: connection refused by {host}. Is the address right and the service running?</source>
            <translation>{source} : connexion refusée par {host}. L'adresse est-elle correcte et le service en marche ?</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="464" />
            <source>{source}: the host name {host} could not be resolved (DNS). Check the address, the network connection and the proxy settings.</source>
            <translation>{source} : le nom d'hôte {host} n'a pas pu être résolu (DNS). Vérifiez l'adresse, la connexion réseau et les paramètres du proxy.</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="467" />
            <source>{source}: no answer from {host} within {timeout} s. The service may be overloaded; try again later or raise the timeout in the settings.</source>
            <translation>{source} : aucune réponse de {host} en {timeout} s. Le service est peut-être surchargé ; réessayez plus tard ou augmentez le délai d'attente dans les paramètres.</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="470" />
            <source>{source}: secure connection to {host} failed (SSL certificate). Check the QGIS SSL settings or your proxy.</source>
            <translation>{source} : la connexion sécurisée à {host} a échoué (certificat SSL). Vérifiez les paramètres SSL de QGIS ou votre proxy.</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="475" />
            <source>{source}: network error while contacting {host}: {detail}</source>
            <translation>{source} : erreur réseau en contactant {host} : {detail}</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="501" />
            <source>{source}: a token is required (HTTP 401) and none is configured. Store it in the QGIS authentication database and choose it in the plugin settings, or set {env} for headless use.</source>
            <translation>{source} : un jeton est requis (HTTP 401) et aucun n'est configuré. Enregistrez-le dans la base d'authentification de QGIS et choisissez-le dans les paramètres de l'extension, ou définissez {env} pour un usage hors de QGIS.</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="507" />
            <source>{source}: the token was refused (HTTP 401): it is expired or wrong. Ask the provider for a new token and update it in the QGIS authentication database.</source>
            <translation>{source} : le jeton a été refusé (HTTP 401) : il a expiré ou il est erroné. Demandez un nouveau jeton au fournisseur et mettez-le à jour dans la base d'authentification de QGIS.</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="514" />
            <source>{source}: access to {path} is forbidden (HTTP 403): the token does not give this right (wrong scope or account). Server said: {detail}</source>
            <translation>{source} : l'accès à {path} est interdit (HTTP 403) : le jeton ne donne pas ce droit (mauvaise portée ou mauvais compte). Réponse du serveur : {detail}</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="521" />
            <source>{source}: {path} was not found (HTTP 404). Check the address in the plugin settings.</source>
            <translation>{source} : {path} est introuvable (HTTP 404). Vérifiez l'adresse dans les paramètres de l'extension.</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="525" />
            <source>{source} refused the request (HTTP 422): {detail}</source>
            <translation>{source} a refusé la requête (HTTP 422) : {detail}</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="529" />
            <source>{source}: too many requests (HTTP 429). Wait {wait} s before trying again.</source>
            <translation>{source} : trop de requêtes (HTTP 429). Attendez {wait} s avant de réessayer.</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="534" />
            <source>{source}: server error (HTTP {status}) after {attempts} attempt(s). The service is having trouble; try again later. Server said: {detail}</source>
            <translation>{source} : erreur du serveur (HTTP {status}) après {attempts} tentative(s). Le service rencontre des difficultés ; réessayez plus tard. Réponse du serveur : {detail}</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="537" />
            <source>{source}: unexpected answer HTTP {status} for {path}: {detail}</source>
            <translation>{source} : réponse inattendue HTTP {status} pour {path} : {detail}</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="395" />
            <source>{source}: the server redirected {path} to another host ({host}, HTTP {status}); the request was not sent there, so the token stays private. Check the address in the plugin settings.</source>
            <translation>{source} : le serveur a redirigé {path} vers un autre hôte ({host}, HTTP {status}) ; la requête n'y a pas été envoyée et le jeton reste confidentiel. Vérifiez l'adresse dans les paramètres de l'extension.</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="404" />
            <source>{source}: the server answered {method} {path} with a redirect (HTTP {status}) to {target}: nothing was accepted. Check the address in the plugin settings.</source>
            <translation>{source} : le serveur a répondu à {method} {path} par une redirection (HTTP {status}) vers {target} : rien n'a été accepté. Vérifiez l'adresse dans les paramètres de l'extension.</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="413" />
            <source>{source}: too many redirects from {path} (last to {target}).</source>
            <translation>{source} : trop de redirections depuis {path} (la dernière vers {target}).</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="452" />
            <source>{source}: {host} did not finish answering within {deadline} s, the total time allowed for one request (retries included). The connection is too slow or the service stalls: try again later, or raise « API: total time per request » in the settings.</source>
            <translation>{source} : {host} n'a pas fini de répondre en {deadline} s, la durée totale permise pour une requête (nouvelles tentatives comprises). La connexion est trop lente ou le service se bloque : réessayez plus tard, ou augmentez « API : durée totale par requête » dans les paramètres.</translation>
        </message>
        <message>
            <location filename="../plugin/api/http.py" line="457" />
            <source>{source}: the answer of {host} is larger than {limit} MB, the size allowed for one answer: stopped before it fills the memory. Ask for a smaller territory, or raise « API: largest answer (MB) » in the settings.</source>
            <translation>{source} : la réponse de {host} dépasse {limit} Mo, la taille permise pour une réponse : arrêtée avant de remplir la mémoire. Demandez un territoire plus petit, ou augmentez « API : plus grande réponse (Mo) » dans les paramètres.</translation>
        </message>
    </context>
    <context>
        <name>ApiErrors</name>
        <message>
            <location filename="../plugin/api/errors.py" line="116" />
            <source>Operation cancelled: nothing was changed.</source>
            <translation>Opération annulée : rien n'a été modifié.</translation>
        </message>
    </context>
    <context>
        <name>ApiFeature</name>
        <message>
            <location filename="../plugin/gui/api_feature.py" line="22" />
            <source>Pull lieux from an API…</source>
            <translation>Récupérer des lieux depuis une API…</translation>
        </message>
        <message>
            <location filename="../plugin/gui/api_feature.py" line="22" />
            <source>data·inclusion, DORA or the Cartographie nationale, for a territory</source>
            <translation>data·inclusion, DORA ou la Cartographie nationale, pour un territoire</translation>
        </message>
        <message>
            <location filename="../plugin/gui/api_feature.py" line="27" />
            <source>Push changes to the Cartographie nationale…</source>
            <translation>Envoyer les modifications à la Cartographie nationale…</translation>
        </message>
        <message>
            <location filename="../plugin/gui/api_feature.py" line="27" />
            <source>Lieux created or changed since the pull (dry run first)</source>
            <translation>Lieux créés ou modifiés depuis la récupération (simulation d'abord)</translation>
        </message>
    </context>
    <context>
        <name>ApiPull</name>
        <message>
            <location filename="../plugin/gui/api_pull.py" line="244" />
            <source>, {n} of your edits kept</source>
            <translation>, {n} de vos modifications gardées</translation>
        </message>
        <message>
            <location filename="plugin/gui/api_pull.py" line="188" />
            <source>Merge canceled: the layer was not changed.</source>
            <translation>Fusion annulée : la couche n'a pas été modifiée.</translation>
        </message>
        <message>
            <location filename="plugin/gui/api_pull.py" line="67" />
            <source>Pull from {source}</source>
            <translation>Récupération depuis {source}</translation>
        </message>
        <message>
            <location filename="plugin/gui/api_pull.py" line="152" />
            <source>{n} lieux of {territory} pulled from {source} into {name}.</source>
            <translation>{n} lieux de {territory} récupérés de {source} dans {name}.</translation>
        </message>
        <message>
            <location filename="plugin/gui/api_pull.py" line="168" />
            <source>The working layer was removed from the project during the pull: nothing was changed.</source>
            <translation>La couche de travail a été retirée du projet pendant la récupération : rien n'a été modifié.</translation>
        </message>
        <message>
            <location filename="plugin/gui/api_pull.py" line="194" />
            <source>The working layer was removed from the project: nothing was changed.</source>
            <translation>La couche de travail a été retirée du projet : rien n'a été modifié.</translation>
        </message>
        <message>
            <location filename="plugin/gui/api_pull.py" line="213" />
            <source>{added} lieux added and {updated} updated in « {layer} » from {source}{kept}; {same} already the same. Save the layer to keep the merge (Ctrl+Z undoes it).</source>
            <translation>{added} lieux ajoutés et {updated} mis à jour dans « {layer} » depuis {source}{kept} ; {same} déjà identiques. Enregistrez la couche pour garder la fusion (Ctrl+Z l'annule).</translation>
        </message>
        <message>
            <location filename="plugin/gui/api_pull.py" line="121" />
            <source>Pull of {territory} from {source}</source>
            <translation>Récupération de {territory} depuis {source}</translation>
        </message>
        <message>
            <location filename="plugin/gui/api_pull.py" line="124" />
            <source>Pulling {territory}… (progress and cancel in the task manager)</source>
            <translation>Récupération de {territory}… (progression et annulation dans le gestionnaire de tâches)</translation>
        </message>
        <message>
            <location filename="plugin/gui/api_pull.py" line="134" />
            <source>Pull canceled: nothing was changed.</source>
            <translation>Récupération annulé : rien n'a été modifié.</translation>
        </message>
        <message>
            <location filename="plugin/gui/api_pull.py" line="95" />
            <source>The working layer to merge into is no longer in the project.</source>
            <translation>La couche de travail où fusionner n'est plus dans le projet.</translation>
        </message>
        <message>
            <location filename="plugin/gui/api_pull.py" line="201" />
            <source>{territory}: nothing new in {source} ({n} lieux already the same{kept}).</source>
            <translation>{territory} : rien de nouveau dans {source} ({n} lieux déjà identiques{kept}).</translation>
        </message>
        <message>
            <location filename="plugin/gui/api_pull.py" line="160" />
            <source>{n} remarks on the source data:</source>
            <translation>{n} remarques sur les données de la source :</translation>
        </message>
        <message>
            <location filename="plugin/gui/api_pull.py" line="98" />
            <source>{name} is open in the project: remove its layers or choose another file name.</source>
            <translation>{name} est ouvert dans le projet : retirez ses couches ou choisissez un autre nom de fichier.</translation>
        </message>
    </context>
    <context>
        <name>ApiSession</name>
        <message>
            <location filename="../plugin/qgis/api_session.py" line="73" />
            <source>« {key} » is not a source one can pull from.</source>
            <translation>« {key} » n'est pas une source depuis laquelle récupérer des lieux.</translation>
        </message>
    </context>
    <context>
        <name>Argparse</name>
        <message>
            <location filename="../plugin/core/cli.py" line="44" />
            <source>usage: </source>
            <translation>utilisation : </translation>
        </message>
        <message>
            <location filename="../plugin/core/cli.py" line="44" />
            <source>positional arguments</source>
            <translation>arguments positionnels </translation>
        </message>
        <message>
            <location filename="../plugin/core/cli.py" line="44" />
            <source>options</source>
            <translation>options </translation>
        </message>
        <message>
            <location filename="../plugin/core/cli.py" line="44" />
            <source>optional arguments</source>
            <translation>arguments facultatifs </translation>
        </message>
        <message>
            <location filename="../plugin/core/cli.py" line="44" />
            <source>show this help message and exit</source>
            <translation>afficher cette aide et quitter</translation>
        </message>
        <message>
            <location filename="../plugin/core/cli.py" line="44" />
            <source>the following arguments are required: %s</source>
            <translation>arguments obligatoires manquants : %s</translation>
        </message>
        <message>
            <location filename="../plugin/core/cli.py" line="44" />
            <source>unrecognized arguments: %s</source>
            <translation>arguments non reconnus : %s</translation>
        </message>
        <message>
            <location filename="../plugin/core/cli.py" line="44" />
            <source>invalid choice: %(value)r (choose from %(choices)s)</source>
            <translation>choix non valide : %(value)r (choix possibles : %(choices)s)</translation>
        </message>
        <message>
            <location filename="../plugin/core/cli.py" line="44" />
            <source>expected one argument</source>
            <translation>une valeur est attendue</translation>
        </message>
        <message>
            <location filename="../plugin/core/cli.py" line="44" />
            <source>argument %(argument_name)s: %(message)s</source>
            <translation>argument %(argument_name)s : %(message)s</translation>
        </message>
        <message>
            <location filename="../plugin/core/cli.py" line="44" />
            <source>ambiguous option: %(option)s could match %(matches)s</source>
            <translation>option ambiguë : %(option)s peut correspondre à %(matches)s</translation>
        </message>
    </context>
    <context>
        <name>Cli</name>
        <message>
            <location filename="plugin/core/cli.py" line="249" />
            <source>error</source>
            <translation>erreur</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="249" />
            <source>warning</source>
            <translation>avertissement</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="260" />
            <source>CONFORMANT</source>
            <translation>CONFORME</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="260" />
            <source>NOT CONFORMANT</source>
            <translation>NON CONFORME</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="51" />
            <source>Lieux de médiation numérique: headless tools.</source>
            <translation>Lieux de médiation numérique : outils en ligne de commande.</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="56" />
            <source>validate a file of lieux against the national standard</source>
            <translation>valider un fichier de lieux selon le standard national</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="57" />
            <source>Validate a file of lieux (CSV, XLSX, JSON, GeoJSON, GeoPackage) against the national standard and print the report. Exit code 0: conformant; 1: errors; 2: unreadable input; 3: internal error.</source>
            <translation>Valide un fichier de lieux (CSV, XLSX, JSON, GeoJSON, GeoPackage) selon le standard national et affiche le rapport. Code de sortie 0 : conforme ; 1 : erreurs ; 2 : entrée illisible ; 3 : erreur interne.</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="62" />
            <source>file to validate (never modified)</source>
            <translation>fichier à valider (jamais modifié)</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="63" />
            <source>report format (default: text)</source>
            <translation>format du rapport (par défaut : text)</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="64" />
            <source>write the report to this file</source>
            <translation>écrire le rapport dans ce fichier</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="68" />
            <source>write a corrected copy (safe fixes only) to OUT (.csv, .json or .geojson) and list the changes</source>
            <translation>écrire une copie corrigée (corrections sûres uniquement) dans OUT (.csv, .json ou .geojson) et lister les modifications</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="70" />
            <source>language of the messages</source>
            <translation>langue des messages</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="72" />
            <source>match column names without regard to case</source>
            <translation>reconnaître les noms de colonnes sans tenir compte de la casse</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="75" />
            <source>check the schema's constraints only (no quality rules)</source>
            <translation>contrôler uniquement les contraintes du schéma (sans les règles de qualité)</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="77" />
            <source>reference date of the date_maj checks</source>
            <translation>date de référence des contrôles de date_maj</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="78" />
            <source>sheet (XLSX) or table (GeoPackage) to read</source>
            <translation>feuille (XLSX) ou table (GeoPackage) à lire</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="268" />
            <source>Summary by rule</source>
            <translation>Synthèse par règle</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="274" />
            <source>Issues</source>
            <translation>Anomalies</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="256" />
            <source>File: {source} · {rows} lieux · schema {version}</source>
            <translation>Fichier : {source} · {rows} lieux · schéma {version}</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="262" />
            <source>Result: {verdict} — {errors} errors, {warnings} warnings, {fixable} safe fixes suggested</source>
            <translation>Résultat : {verdict} — erreurs : {errors}, avertissements : {warnings}, corrections sûres proposées : {fixable}</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="99" />
            <source>Interrupted.</source>
            <translation>Interrompu.</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="119" />
            <source>Internal error ({kind}): the validation could not finish. This is a bug of the plugin, not of your file: please report it at {tracker} with the file if you can. Set MEDNUM_DEBUG=1 to see the details.</source>
            <translation>Erreur interne ({kind}) : la validation n'a pas pu aboutir. Il s'agit d'un défaut de l'extension, pas de votre fichier : merci de le signaler sur {tracker}, avec le fichier si possible. Définissez MEDNUM_DEBUG=1 pour voir le détail.</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="279" />
            <source>File</source>
            <translation>Fichier</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="46" />
            <source>Error: {message}</source>
            <translation>Erreur : {message}</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="137" />
            <source>--today expects a date written YYYY-MM-DD, not “{text}”.</source>
            <translation>--today attend une date écrite AAAA-MM-JJ, et non « {text} ».</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="177" />
            <source>Report written to {path}</source>
            <translation>Rapport écrit dans {path}</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="204" />
            <source>Refusing to overwrite the file being validated ({name}): choose another file name.</source>
            <translation>Le fichier en cours de validation ({name}) ne sera pas écrasé : choisissez un autre nom de fichier.</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="212" />
            <source>Cannot write {path}: {reason}</source>
            <translation>Impossible d'écrire {path} : {reason}</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="279" />
            <source>Row {row}</source>
            <translation>Ligne {row}</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="293" />
            <source>Row {row} · {field}: “{before}” → “{after}”</source>
            <translation>Ligne {row} · {field} : « {before} » → « {after} »</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="286" />
            <source>→ suggested fix: “{fix}”</source>
            <translation>→ correction proposée : « {fix} »</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="253" />
            <source>{count} changes (safe fixes only); corrected copy written to {path} ({remaining} errors left).</source>
            <translation>Modifications (corrections sûres uniquement) : {count} ; copie corrigée écrite dans {path} (erreurs restantes : {remaining}).</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="305" />
            <source>Row {row}: blank row removed</source>
            <translation>Ligne {row} : ligne vide supprimée</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="307" />
            <source>Row {row}: cells beyond the header removed: “{before}”</source>
            <translation>Ligne {row} : cellules au-delà de l'en-tête supprimées : « {before} »</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="104" />
            <source>convert a Hub's file into the national standard with a mapping profile</source>
            <translation>convertir le fichier d'un Hub au standard national avec un profil de correspondance</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="105" />
            <source>Convert a file of lieux whose columns are not the standard's (a Hub's export: CSV, XLSX, JSON) into a file of the standard, with a mapping profile in mednum-cli's configuration grammar. Every record is kept, the columns the profile does not read are kept after the standard's, every changed value is listed. Exit code 0: conformant; 1: errors remain; 2: unreadable input or profile; 3: internal error.</source>
            <translation>Convertit un fichier de lieux dont les colonnes ne sont pas celles du standard (l'export d'un Hub : CSV, XLSX, JSON) en un fichier du standard, avec un profil de correspondance écrit dans la grammaire de configuration de mednum-cli. Chaque enregistrement est conservé, les colonnes que le profil ne lit pas sont gardées après celles du standard, chaque valeur modifiée est listée. Code de sortie 0 : conforme ; 1 : il reste des erreurs ; 2 : fichier ou profil illisible ; 3 : erreur interne.</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="112" />
            <source>file to convert (never modified)</source>
            <translation>fichier à convertir (jamais modifié)</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="113" />
            <source>mapping profile (.config.json)</source>
            <translation>profil de correspondance (.config.json)</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="114" />
            <source>source name: ids become NAME_&lt;id&gt;</source>
            <translation>nom de la source : les identifiants deviennent NOM_&lt;id&gt;</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="116" />
            <source>output file (.csv, .json or .geojson)</source>
            <translation>fichier produit (.csv, .json ou .geojson)</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="122" />
            <source>lieux without coordinates: placed at their commune's centre (default, offline), geocoded with the Base Adresse Nationale then the commune's centre (ban), or left without (none)</source>
            <translation>lieux sans coordonnées : placés au centre de leur commune (par défaut, hors ligne), géocodés par la Base Adresse Nationale puis au centre de la commune (ban), ou laissés sans (none)</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="134" />
            <source>read the file through a mapping profile (.config.json) first</source>
            <translation>lire d'abord le fichier à travers un profil de correspondance (.config.json)</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="311" />
            <source>Changed values:</source>
            <translation>Valeurs modifiées :</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="298" />
            <source>{count} lieux written to {path} ({errors} errors, {warnings} warnings left).</source>
            <translation>{count} lieux écrits dans {path} (restent {errors} erreurs, {warnings} avertissements).</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="304" />
            <source>Columns kept after the standard's ({count}): {columns}</source>
            <translation>Colonnes conservées après celles du standard ({count}) : {columns}</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="343" />
            <source>NO LIEU</source>
            <translation>AUCUN LIEU</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="343" />
            <source>NOT CONFORMANT, NO LIEU</source>
            <translation>NON CONFORME, AUCUN LIEU</translation>
        </message>
        <message>
            <location filename="plugin/core/cli.py" line="162" />
            <source>Not enough memory to finish: the file is too large for this computer or produces too many issues to hold (the memory limit was reached). Split the file, or validate its columns in several passes.</source>
            <translation>Mémoire insuffisante pour terminer : le fichier est trop gros pour cet ordinateur ou produit trop d'anomalies pour les garder (la limite de mémoire a été atteinte). Découpez le fichier, ou validez ses colonnes en plusieurs fois.</translation>
        </message>
    </context>
    <context>
        <name>Connectors</name>
        <message>
            <location filename="../plugin/api/connectors.py" line="62" />
            <source>{what}: page {number}/{pages} ({fetched}/{total})</source>
            <translation>{what} : page {number}/{pages} ({fetched}/{total})</translation>
        </message>
        <message>
            <location filename="../plugin/api/connectors.py" line="116" />
            <source>data·inclusion structures</source>
            <translation>Structures data·inclusion</translation>
        </message>
        <message>
            <location filename="../plugin/api/connectors.py" line="123" />
            <source>data·inclusion numérique services</source>
            <translation>Services numériques data·inclusion</translation>
        </message>
        <message>
            <location filename="../plugin/api/connectors.py" line="137" />
            <source>data·inclusion: structure {id} of numérique services not found.</source>
            <translation>data·inclusion : structure {id} de services numériques introuvable.</translation>
        </message>
        <message>
            <location filename="../plugin/api/connectors.py" line="153" />
            <source>data·inclusion: structure {id} skipped (no id or no name).</source>
            <translation>data·inclusion : structure {id} ignorée (sans identifiant ou sans nom).</translation>
        </message>
        <message>
            <location filename="../plugin/api/connectors.py" line="283" />
            <source>{n} lieux read</source>
            <translation>Lieux lus : {n}</translation>
        </message>
        <message>
            <location filename="../plugin/api/connectors.py" line="197" />
            <source>DORA structures</source>
            <translation>Structures DORA</translation>
        </message>
        <message>
            <location filename="../plugin/api/connectors.py" line="202" />
            <source>DORA services</source>
            <translation>Services DORA</translation>
        </message>
        <message>
            <location filename="../plugin/api/connectors.py" line="272" />
            <source>Cartographie lieux</source>
            <translation>Lieux de la Cartographie</translation>
        </message>
        <message>
            <location filename="../plugin/api/connectors.py" line="279" />
            <source>Cartographie: an item without id was skipped.</source>
            <translation>Cartographie : un élément sans identifiant a été ignoré.</translation>
        </message>
    </context>
    <context>
        <name>Converters</name>
        <message>
            <location filename="../plugin/core/converters/data_inclusion.py" line="184" />
            <source>data·inclusion {kind} {id} does not follow the data·inclusion schema: {problem}</source>
            <translation>data·inclusion : {kind} {id} non conforme au schéma data·inclusion : {problem}</translation>
        </message>
    </context>
    <context>
        <name>Coverage</name>
        <message>
            <location filename="../plugin/core/coverage/audit.py" line="120" />
            <source>The radius must be a positive number of kilometres.</source>
            <translation>Le rayon doit être un nombre positif de kilomètres.</translation>
        </message>
        <message>
            <location filename="../plugin/core/coverage/territory.py" line="105" />
            <source>commune</source>
            <translation>commune</translation>
        </message>
        <message>
            <location filename="../plugin/core/coverage/territory.py" line="113" />
            <source>EPCI</source>
            <translation>EPCI</translation>
        </message>
        <message>
            <location filename="../plugin/core/coverage/territory.py" line="121" />
            <source>département</source>
            <translation>département</translation>
        </message>
        <message>
            <location filename="../plugin/core/coverage/territory.py" line="126" />
            <source>région</source>
            <translation>région</translation>
        </message>
        <message>
            <location filename="../plugin/core/coverage/territory.py" line="90" />
            <source>Unknown territory: no {kind} with the code « {code} » in the bundled reference.</source>
            <translation>Territoire inconnu : le code « {code} » ({kind}) n'est pas dans le référentiel fourni.</translation>
        </message>
        <message>
            <location filename="../plugin/core/coverage/territory.py" line="101" />
            <source>All of France</source>
            <translation>Toute la France</translation>
        </message>
        <message>
            <location filename="../plugin/core/coverage/territory.py" line="129" />
            <source>Unknown kind of territory « {kind} »: use commune, epci, departement, region or france.</source>
            <translation>Type de territoire inconnu « {kind} » : utilisez commune, epci, departement, region ou france.</translation>
        </message>
        <message>
            <location filename="../plugin/core/coverage/territory.py" line="140" />
            <source>Choose a territory: a commune, an EPCI, a département or a région.</source>
            <translation>Choisissez un territoire : une commune, un EPCI, un département ou une région.</translation>
        </message>
        <message>
            <location filename="../plugin/core/coverage/territory.py" line="156" />
            <source>No territory matches « {text} ».</source>
            <translation>Aucun territoire ne correspond à « {text} ».</translation>
        </message>
    </context>
    <context>
        <name>CoverageAlgorithm</name>
        <message>
            <location filename="plugin/processing/coverage.py" line="88" />
            <source>Territorial coverage audit</source>
            <translation>Audit de couverture du territoire</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="98" />
            <source>&lt;p&gt;Which communes of a territory have no lieu offering the service within reach, and how many inhabitants live there. Offline: communes, centroids and INSEE populations come from the bundled reference.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Territory&lt;/b&gt;: &lt;code&gt;departement:13&lt;/code&gt;, &lt;code&gt;epci:200054807&lt;/code&gt; (SIREN), &lt;code&gt;region:93&lt;/code&gt;, &lt;code&gt;commune:13055&lt;/code&gt; or &lt;code&gt;france&lt;/code&gt;; a bare 2–3 character code is a département, 5 characters a commune, 9 digits an EPCI.&lt;/p&gt;&lt;p&gt;The filters are those of &lt;i&gt;Find lieux for a need&lt;/i&gt; (same parameters). Lieux outside the territory count: a commune's nearest lieu may be next door. A lieu without coordinates is placed at the centroid of its commune (code_insee, else postal code and commune name).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Output&lt;/b&gt;: one feature per commune (centroid, or its polygon from the optional boundary layer joined by INSEE code) with &lt;code&gt;population&lt;/code&gt;, &lt;code&gt;nb_lieux&lt;/code&gt; (matching lieux in the commune), &lt;code&gt;lieux_10000_hab&lt;/code&gt;, &lt;code&gt;nb_lieux_rayon&lt;/code&gt;, &lt;code&gt;distance_km&lt;/code&gt; to the nearest matching lieu (empty when there is none) and &lt;code&gt;couvert&lt;/code&gt; (nearest lieu within the radius). With an indicator (a layer or CSV with an INSEE code and a value, e.g. the Indice de Fragilité Numérique), &lt;code&gt;priorite&lt;/code&gt; = population left out × indicator.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Report&lt;/b&gt;: .html, .csv or .pdf (map, legend, key figures, least-served communes, sources and date).&lt;/p&gt;</source>
            <translation>&lt;p&gt;Quelles communes d'un territoire n'ont aucun lieu proposant le service à portée, et combien d'habitants y vivent. Hors ligne : les communes, leurs centroïdes et les populations INSEE viennent du référentiel fourni avec l'extension.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Territoire&lt;/b&gt; : &lt;code&gt;departement:13&lt;/code&gt;, &lt;code&gt;epci:200054807&lt;/code&gt; (SIREN), &lt;code&gt;region:93&lt;/code&gt;, &lt;code&gt;commune:13055&lt;/code&gt; ou &lt;code&gt;france&lt;/code&gt; ; un code seul de 2 ou 3 caractères est un département, de 5 caractères une commune, de 9 chiffres un EPCI.&lt;/p&gt;&lt;p&gt;Les filtres sont ceux de &lt;i&gt;Trouver des lieux pour un besoin&lt;/i&gt; (mêmes paramètres). Les lieux hors du territoire comptent : le lieu le plus proche d'une commune peut être chez le voisin. Un lieu sans coordonnées est placé au centroïde de sa commune (code_insee, sinon code postal et nom de commune).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sortie&lt;/b&gt; : une entité par commune (centroïde, ou son polygone tiré de la couche de contours facultative, jointe par code INSEE) avec &lt;code&gt;population&lt;/code&gt;, &lt;code&gt;nb_lieux&lt;/code&gt; (lieux correspondants dans la commune), &lt;code&gt;lieux_10000_hab&lt;/code&gt;, &lt;code&gt;nb_lieux_rayon&lt;/code&gt;, &lt;code&gt;distance_km&lt;/code&gt; jusqu'au lieu correspondant le plus proche (vide s'il n'y en a aucun) et &lt;code&gt;couvert&lt;/code&gt; (lieu le plus proche dans le rayon). Avec un indicateur (couche ou CSV avec un code INSEE et une valeur, par exemple l'Indice de Fragilité Numérique), &lt;code&gt;priorite&lt;/code&gt; = population non couverte × indicateur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Rapport&lt;/b&gt; : .html, .csv ou .pdf (carte, légende, chiffres clés, communes les moins bien desservies, sources et date).&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="91" />
            <source>coverage,territory,communes,population,distance,gaps,mednum</source>
            <translation>couverture,territoire,communes,population,distance,zones blanches,mednum</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="122" />
            <source>Lieux</source>
            <translation>Lieux</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="127" />
            <source>Territory (departement:13, epci:SIREN, region:93, commune:INSEE or france)</source>
            <translation>Territoire (departement:13, epci:SIREN, region:93, commune:INSEE ou france)</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="134" />
            <source>Radius (km)</source>
            <translation>Rayon (km)</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="142" />
            <source>Indicator per commune (layer or table)</source>
            <translation>Indicateur par commune (couche ou table)</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="147" />
            <source>Indicator field</source>
            <translation>Champ de l'indicateur</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="153" />
            <source>INSEE code field of the indicator (guessed when empty)</source>
            <translation>Champ du code INSEE de l'indicateur (deviné si vide)</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="161" />
            <source>Commune boundaries (e.g. IGN ADMIN EXPRESS)</source>
            <translation>Contours des communes (par exemple IGN ADMIN EXPRESS)</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="169" />
            <source>INSEE code field of the boundaries (guessed when empty)</source>
            <translation>Champ du code INSEE des contours (deviné si vide)</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="175" />
            <source>Coverage per commune</source>
            <translation>Couverture par commune</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="179" />
            <source>Report</source>
            <translation>Rapport</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="182" />
            <source>Communes</source>
            <translation>Communes</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="183" />
            <source>Communes not covered</source>
            <translation>Communes non couvertes</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="184" />
            <source>Population</source>
            <translation>Population</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="185" />
            <source>Population covered</source>
            <translation>Population couverte</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="195" />
            <source>Choose the indicator field (INDICATOR_FIELD).</source>
            <translation>Choisissez le champ de l'indicateur (INDICATOR_FIELD).</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="201" />
            <source>The indicator has no INSEE code field (code_insee, codgeo…): choose INDICATOR_INSEE_FIELD.</source>
            <translation>L'indicateur n'a pas de champ de code INSEE (code_insee, codgeo…) : choisissez INDICATOR_INSEE_FIELD.</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="205" />
            <source>Indicator « {field} »: {count} communes read by « {code} »; {skipped} rows skipped.</source>
            <translation>Indicateur « {field} » : {count} communes lues par « {code} » ; lignes ignorées : {skipped}.</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="221" />
            <source>Boundaries: {count} communes read by « {field} ».</source>
            <translation>Contours : {count} communes lues par « {field} ».</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="253" />
            <source>{territory}: {communes} communes, {uncovered} not covered; {covered} inhabitants out of {population} have a matching lieu within {radius} km ({matching} matching lieux).</source>
            <translation>{territory} : {communes} communes, dont {uncovered} non couvertes ; {covered} habitants sur {population} ont un lieu correspondant à moins de {radius} km (lieux correspondants : {matching}).</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="295" />
            <source>Report written to {path}</source>
            <translation>Rapport écrit dans {path}</translation>
        </message>
        <message>
            <location filename="plugin/processing/coverage.py" line="315" />
            <source>Cannot write {path}: {reason}</source>
            <translation>Impossible d'écrire {path} : {reason}</translation>
        </message>
    </context>
    <context>
        <name>CoverageDock</name>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="67" />
            <source>Territorial coverage</source>
            <translation>Couverture du territoire</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="89" />
            <source>The layer of lieux (lieux outside the territory count for the distances)</source>
            <translation>La couche de lieux (les lieux hors du territoire comptent pour les distances)</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="90" />
            <source>Lieux</source>
            <translation>Lieux</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="94" />
            <source>Commune, EPCI, département or région: a name or a code</source>
            <translation>Commune, EPCI, département ou région : un nom ou un code</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="104" />
            <source>Territory</source>
            <translation>Territoire</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="116" />
            <source>A commune is covered when its nearest matching lieu is within this distance</source>
            <translation>Une commune est couverte quand son lieu correspondant le plus proche est à moins de cette distance</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="117" />
            <source>Radius</source>
            <translation>Rayon</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="121" />
            <source>Which lieux count (filters)</source>
            <translation>Quels lieux comptent (filtres)</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="126" />
            <source>Every ticked service (otherwise at least one)</source>
            <translation>Tous les services cochés (sinon au moins un)</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="129" />
            <source>Open on</source>
            <translation>Ouvert le</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="138" />
            <source>Also count the lieux whose hours are unknown</source>
            <translation>Compter aussi les lieux aux horaires inconnus</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="154" />
            <source>Indicator and boundaries (optional)</source>
            <translation>Indicateur et contours (facultatifs)</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="163" />
            <source>A layer or CSV with an INSEE code and a value per commune</source>
            <translation>Une couche ou un CSV avec un code INSEE et une valeur par commune</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="167" />
            <source>Indicator</source>
            <translation>Indicateur</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="168" />
            <source>Value field</source>
            <translation>Champ de la valeur</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="174" />
            <source>Commune polygons (e.g. IGN ADMIN EXPRESS) joined by INSEE code</source>
            <translation>Polygones des communes (par exemple IGN ADMIN EXPRESS) joints par code INSEE</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="175" />
            <source>Boundaries</source>
            <translation>Contours</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="179" />
            <source>Compute</source>
            <translation>Calculer</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="208" />
            <source>Click a commune to zoom to it</source>
            <translation>Cliquez sur une commune pour zoomer dessus</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="297" />
            <source>Computing…</source>
            <translation>Calcul en cours…</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="397" />
            <source>Save the coverage report</source>
            <translation>Enregistrer le rapport de couverture</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="185" />
            <source>PDF…</source>
            <translation>PDF…</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="185" />
            <source>HTML…</source>
            <translation>HTML…</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="185" />
            <source>CSV…</source>
            <translation>CSV…</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="188" />
            <source>Save the report of the last audit</source>
            <translation>Enregistrer le rapport du dernier audit</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="227" />
            <source>Type a name or a code, then choose in the list.</source>
            <translation>Tapez un nom ou un code, puis choisissez dans la liste.</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="293" />
            <source>Choose a layer of lieux and a territory.</source>
            <translation>Choisissez une couche de lieux et un territoire.</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="296" />
            <source>The indicator has no INSEE code field (code_insee, codgeo…): it is left out.</source>
            <translation>L'indicateur n'a pas de champ de code INSEE (code_insee, codgeo…) : il n'est pas pris en compte.</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="317" />
            <source>Cancelled.</source>
            <translation>Annulé.</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="422" />
            <source>Report written to {path}</source>
            <translation>Rapport écrit dans {path}</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="420" />
            <source>Cannot write {path}: {reason}</source>
            <translation>Impossible d'écrire {path} : {reason}</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="238" />
            <source>{territory}: {communes} communes</source>
            <translation>{territory} : {communes} communes</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_feature.py" line="27" />
            <source>Territorial coverage…</source>
            <translation>Couverture du territoire…</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_feature.py" line="31" />
            <source>Which communes have no matching lieu within reach, and how many inhabitants</source>
            <translation>Quelles communes n'ont aucun lieu correspondant à portée, et combien d'habitants</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="184" />
            <source>Territory and filters</source>
            <translation>Territoire et filtres</translation>
        </message>
        <message>
            <location filename="plugin/gui/coverage_dock.py" line="189" />
            <source>Results</source>
            <translation>Résultats</translation>
        </message>
    </context>
    <context>
        <name>CoverageLayer</name>
        <message>
            <location filename="plugin/qgis/coverage_layer.py" line="68" />
            <source>The boundary layer has no INSEE code field (code_insee, insee_com, codgeo…): choose it.</source>
            <translation>La couche de contours n'a pas de champ de code INSEE (code_insee, insee_com, codgeo…) : choisissez-le.</translation>
        </message>
        <message>
            <location filename="plugin/qgis/coverage_layer.py" line="127" />
            <source>Coverage {territory} ({radius} km)</source>
            <translation>Couverture {territory} ({radius} km)</translation>
        </message>
        <message>
            <location filename="plugin/qgis/coverage_layer.py" line="146" />
            <source>Covered: lieu in the commune (no centroid)</source>
            <translation>Couverte : lieu dans la commune (sans centroïde)</translation>
        </message>
        <message>
            <location filename="plugin/qgis/coverage_layer.py" line="157" />
            <source>Not covered: no matching lieu</source>
            <translation>Non couverte : aucun lieu correspondant</translation>
        </message>
        <message>
            <location filename="plugin/qgis/coverage_layer.py" line="140" />
            <source>Covered: lieu within {d} km</source>
            <translation>Couverte : lieu à moins de {d} km</translation>
        </message>
        <message>
            <location filename="plugin/qgis/coverage_layer.py" line="143" />
            <source>Covered: lieu {a} to {b} km away</source>
            <translation>Couverte : lieu à {a}–{b} km</translation>
        </message>
        <message>
            <location filename="plugin/qgis/coverage_layer.py" line="149" />
            <source>Not covered: nearest lieu {a} to {b} km away</source>
            <translation>Non couverte : lieu le plus proche à {a}–{b} km</translation>
        </message>
        <message>
            <location filename="plugin/qgis/coverage_layer.py" line="154" />
            <source>Not covered: nearest lieu more than {d} km away</source>
            <translation>Non couverte : lieu le plus proche à plus de {d} km</translation>
        </message>
    </context>
    <context>
        <name>CoverageLayout</name>
        <message>
            <location filename="plugin/qgis/coverage_layout.py" line="93" />
            <source>Départements</source>
            <translation>Départements</translation>
        </message>
        <message>
            <location filename="plugin/qgis/coverage_layout.py" line="164" />
            <source>Nearest matching lieu</source>
            <translation>Lieu correspondant le plus proche</translation>
        </message>
        <message>
            <location filename="plugin/qgis/coverage_layout.py" line="182" />
            <source>Key figures</source>
            <translation>Chiffres clés</translation>
        </message>
        <message>
            <location filename="plugin/qgis/coverage_layout.py" line="188" />
            <source>Least-served communes</source>
            <translation>Communes les moins bien desservies</translation>
        </message>
        <message>
            <location filename="plugin/qgis/coverage_layout.py" line="215" />
            <source>Every commune of the territory is covered.</source>
            <translation>Toutes les communes du territoire sont couvertes.</translation>
        </message>
        <message>
            <location filename="plugin/qgis/coverage_layout.py" line="186" />
            <source>Priorities (population left out × {indicator})</source>
            <translation>Priorités (population non couverte × {indicator})</translation>
        </message>
        <message>
            <location filename="plugin/qgis/coverage_layout.py" line="228" />
            <source>The PDF report could not be written to {path} ({error}).</source>
            <translation>Le rapport PDF n'a pas pu être écrit dans {path} ({error}).</translation>
        </message>
        <message>
            <location filename="plugin/qgis/coverage_layout.py" line="240" />
            <source>The image of the report could not be written to {path}.</source>
            <translation>L'image du rapport n'a pas pu être écrite dans {path}.</translation>
        </message>
    </context>
    <context>
        <name>CoverageReport</name>
        <message>
            <location filename="plugin/core/coverage/report.py" line="120" />
            <source>Commune</source>
            <translation>Commune</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="121" />
            <source>INSEE code</source>
            <translation>Code INSEE</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="122" />
            <source>Population</source>
            <translation>Population</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="123" />
            <source>Nearest lieu (km)</source>
            <translation>Lieu le plus proche (km)</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="124" />
            <source>Lieux within the radius</source>
            <translation>Lieux dans le rayon</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="152" />
            <source>A commune is covered when the nearest matching lieu (great-circle distance from the commune's centroid, lieux outside the territory included) is within the radius.</source>
            <translation>Une commune est couverte quand le lieu correspondant le plus proche (distance à vol d'oiseau depuis le centroïde de la commune, lieux hors du territoire compris) est dans le rayon.</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="78" />
            <source>Coverage of {territory} by the lieux de médiation numérique</source>
            <translation>Couverture de {territory} par les lieux de médiation numérique</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="85" />
            <source>Radius</source>
            <translation>Rayon</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="86" />
            <source>Communes</source>
            <translation>Communes</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="87" />
            <source>Communes not covered</source>
            <translation>Communes non couvertes</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="88" />
            <source>Communes without a matching lieu</source>
            <translation>Communes sans lieu correspondant</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="90" />
            <source>Population covered</source>
            <translation>Population couverte</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="91" />
            <source>Population left out</source>
            <translation>Population non couverte</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="93" />
            <source>Matching lieux (in the territory)</source>
            <translation>Lieux correspondants (dans le territoire)</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="114" />
            <source>Every lieu (no filter)</source>
            <translation>Tous les lieux (aucun filtre)</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="127" />
            <source>Priority</source>
            <translation>Priorité</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="175" />
            <source>Sources: {lieux}{reference} Computed on {date}.</source>
            <translation>Sources : {lieux}{reference} Calculé le {date}.</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="177" />
            <source>INSEE population and communes: @etalab/decoupage-administratif 6.0.0 (MIT); centroids from the IGN Admin Express COG 2018 outlines (Licence Ouverte 2.0).</source>
            <translation>Communes et population INSEE : @etalab/decoupage-administratif 6.0.0 (MIT) ; centroïdes calculés sur les contours IGN Admin Express COG 2018 (Licence Ouverte 2.0).</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="212" />
            <source>Priorities (population left out × {indicator})</source>
            <translation>Priorités (population non couverte × {indicator})</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="107" />
            <source>all of them</source>
            <translation>tous</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="107" />
            <source>at least one</source>
            <translation>au moins un</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="140" />
            <source>none</source>
            <translation>aucun</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="112" />
            <source>Open at {moment}</source>
            <translation>Ouvert le {moment}</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="159" />
            <source>{count} matching lieux without coordinates are placed at their commune's centroid.</source>
            <translation>Lieux correspondants sans coordonnées placés au centroïde de leur commune : {count}.</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="165" />
            <source>{count} matching lieux have neither coordinates nor a known commune: not counted.</source>
            <translation>Lieux correspondants sans coordonnées ni commune connue, non comptés : {count}.</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="174" />
            <source>Lieux: {source}.</source>
            <translation>Lieux : {source}.</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="226" />
            <source>Method and sources</source>
            <translation>Méthode et sources</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="213" />
            <source>Least-served communes</source>
            <translation>Communes les moins bien desservies</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="225" />
            <source>Every commune of the territory is covered.</source>
            <translation>Toutes les communes du territoire sont couvertes.</translation>
        </message>
        <message>
            <location filename="plugin/core/coverage/report.py" line="79" />
            <source>Coverage of all of France by the lieux de médiation numérique</source>
            <translation>Couverture de toute la France par les lieux de médiation numérique</translation>
        </message>
    </context>
    <context>
        <name>CoverageTask</name>
        <message>
            <location filename="../plugin/qgis/coverage_tasks.py" line="48" />
            <source>The layer {layer} cannot be read.</source>
            <translation>La couche {layer} ne peut pas être lue.</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/coverage_tasks.py" line="92" />
            <source>Coverage of {territory}</source>
            <translation>Couverture de {territory}</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/coverage_tasks.py" line="140" />
            <source>The coverage could not be computed.</source>
            <translation>La couverture n'a pas pu être calculée.</translation>
        </message>
    </context>
    <context>
        <name>Dependencies</name>
        <message>
            <location filename="../plugin/core/dependencies.py" line="189" />
            <source>Close QGIS, open the OSGeo4W Shell (Start menu, QGIS folder) and run:</source>
            <translation>Fermez QGIS, ouvrez l'OSGeo4W Shell (menu Démarrer, dossier QGIS) et exécutez :</translation>
        </message>
        <message>
            <location filename="../plugin/core/dependencies.py" line="193" />
            <source>Close QGIS, open the Terminal and run:</source>
            <translation>Fermez QGIS, ouvrez le Terminal et exécutez :</translation>
        </message>
        <message>
            <location filename="../plugin/core/dependencies.py" line="194" />
            <source>Close QGIS, open a terminal and run:</source>
            <translation>Fermez QGIS, ouvrez un terminal et exécutez :</translation>
        </message>
        <message>
            <location filename="../plugin/core/dependencies.py" line="210" />
            <source>Missing Python dependencies: {names}.</source>
            <translation>Dépendances Python manquantes : {names}.</translation>
        </message>
        <message>
            <location filename="../plugin/core/dependencies.py" line="210" />
            <source>The features that need them are disabled until they are installed.</source>
            <translation>Les fonctionnalités qui en ont besoin restent désactivées jusqu'à leur installation.</translation>
        </message>
        <message>
            <location filename="../plugin/core/dependencies.py" line="199" />
            <source>Optional Python dependencies not installed: {names}.</source>
            <translation>Dépendances Python facultatives non installées : {names}.</translation>
        </message>
        <message>
            <location filename="../plugin/core/dependencies.py" line="199" />
            <source>Everything works without them; large CSV files are read and validated faster with them.</source>
            <translation>Tout fonctionne sans elles ; avec elles, les gros fichiers CSV sont lus et validés plus vite.</translation>
        </message>
    </context>
    <context>
        <name>EditorWidgets</name>
        <message>
            <location filename="../plugin/gui/editor_widgets.py" line="272" />
            <source>Live validation failed: {error}</source>
            <translation>La validation en direct a échoué : {error}</translation>
        </message>
        <message>
            <location filename="../plugin/gui/editor_widgets.py" line="283" />
            <source>e.g. {example}</source>
            <translation>ex. : {example}</translation>
        </message>
        <message>
            <location filename="../plugin/gui/editor_widgets.py" line="320" />
            <source>Right-click: check all, uncheck all.</source>
            <translation>Clic droit : tout cocher, tout décocher.</translation>
        </message>
        <message>
            <location filename="../plugin/gui/editor_widgets.py" line="339" />
            <source>This editor is configured from the schema of the standard by the plugin “Lieux de médiation numérique”.</source>
            <translation>Cet éditeur est configuré d'après le schéma du standard par l'extension « Lieux de médiation numérique ».</translation>
        </message>
        <message>
            <location filename="../plugin/gui/editor_widgets.py" line="385" />
            <source>Lieux de médiation numérique: text</source>
            <translation>Lieux de médiation numérique : texte</translation>
        </message>
        <message>
            <location filename="../plugin/gui/editor_widgets.py" line="386" />
            <source>Lieux de médiation numérique: multiple choice</source>
            <translation>Lieux de médiation numérique : choix multiple</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../plugin/gui/export_dialog.py" line="159" />
            <source>Export a conformant file</source>
            <translation>Exporter un fichier conforme</translation>
        </message>
        <message>
            <location filename="../plugin/gui/export_dialog.py" line="70" />
            <source>Lieux</source>
            <translation>Lieux</translation>
        </message>
        <message>
            <location filename="../plugin/gui/export_dialog.py" line="71" />
            <source>Selected lieux only</source>
            <translation>Lieux sélectionnés uniquement</translation>
        </message>
        <message>
            <location filename="../plugin/gui/export_dialog.py" line="95" />
            <source>CSV (*.csv);;JSON (*.json);;GeoJSON (*.geojson)</source>
            <translation>CSV (*.csv);;JSON (*.json);;GeoJSON (*.geojson)</translation>
        </message>
        <message>
            <location filename="../plugin/gui/export_dialog.py" line="98" />
            <source>File to write</source>
            <translation>Fichier à écrire</translation>
        </message>
        <message>
            <location filename="../plugin/gui/export_dialog.py" line="99" />
            <source>File</source>
            <translation>Fichier</translation>
        </message>
        <message>
            <location filename="../plugin/gui/export_dialog.py" line="101" />
            <source>The format follows the extension: .csv (the standard's CSV: UTF-8, comma, “|” lists), .json (array of records) or .geojson (points). The suggested name follows the standard's recommendation: date_producer_lieux-de-mediation-numerique_territory. The export reports the validation of what it wrote.</source>
            <translation>Le format suit l'extension du fichier : .csv (le CSV du standard : UTF-8, virgule, listes séparées par des |), .json (tableau d'enregistrements) ou .geojson (points). Le nom proposé suit la recommandation du standard : date_producteur_lieux-de-mediation-numerique_territoire. L'export indique la validation de ce qu'il a écrit.</translation>
        </message>
        <message>
            <location filename="../plugin/gui/export_dialog.py" line="126" />
            <source>Export</source>
            <translation>Exporter</translation>
        </message>
        <message>
            <location filename="../plugin/gui/export_dialog.py" line="145" />
            <source>Selected lieux only ({n})</source>
            <translation>Lieux sélectionnés uniquement ({n})</translation>
        </message>
        <message>
            <location filename="../plugin/gui/export_dialog.py" line="159" />
            <source>{name} already exists. Replace it?</source>
            <translation>{name} existe déjà. Le remplacer ?</translation>
        </message>
        <message>
            <location filename="plugin/gui/export_dialog.py" line="94" />
            <source>The standard names the file after the producer's SIREN: set it in Settings › Lieux de médiation numérique › “Producer identifier (exports)”; until then the name uses the collecting structure.</source>
            <translation>Le standard nomme le fichier d'après le SIREN du producteur : renseignez-le dans Paramètres › Lieux de médiation numérique › « Identifiant du producteur (exports) » ; d'ici là, le nom reprend la structure collectrice.</translation>
        </message>
        <message>
            <location filename="../plugin/gui/export_dialog.py" line="73" />
            <source>Also export the source columns (colonnes_source)</source>
            <translation>Exporter aussi les colonnes source (colonnes_source)</translation>
        </message>
        <message>
            <location filename="../plugin/gui/export_dialog.py" line="76" />
            <source>Adds, after the 32 fields of the standard, the columns of the source that are not fields of the standard (kept aside at the import).</source>
            <translation>Ajoute, après les 32 champs du standard, les colonnes de la source qui ne sont pas des champs du standard (mises de côté à l'import).</translation>
        </message>
        <message>
            <location filename="../plugin/gui/export_dialog.py" line="84" />
            <source>CSV for a spreadsheet (formulas defused)</source>
            <translation>CSV pour un tableur (formules neutralisées)</translation>
        </message>
        <message>
            <location filename="../plugin/gui/export_dialog.py" line="85" />
            <source>Cells starting with = + - or @ get a leading apostrophe, so that a spreadsheet shows them instead of running them as formulas. For a file read by people; leave unchecked for a file to publish.</source>
            <translation>Les cellules qui commencent par = + - ou @ reçoivent une apostrophe initiale, pour qu'un tableur les affiche au lieu de les exécuter comme des formules. Pour un fichier lu par des personnes ; laissez décoché pour un fichier à publier.</translation>
        </message>
    </context>
    <context>
        <name>ExportLieuxAlgorithm</name>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="200" />
            <source>Export a conformant file</source>
            <translation>Exporter un fichier conforme</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="203" />
            <source>export,csv,json,geojson,standard,publish,lieux,mednum</source>
            <translation>export,exporter,csv,json,geojson,standard,publier,publication,publish,lieux,mednum</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="227" />
            <source>Lieux (layer or file)</source>
            <translation>Lieux (couche ou fichier)</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="234" />
            <source>Selected lieux only</source>
            <translation>Lieux sélectionnés uniquement</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="253" />
            <source>Conformant file</source>
            <translation>Fichier conforme</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="253" />
            <source>CSV (*.csv);;JSON (*.json);;GeoJSON (*.geojson)</source>
            <translation>CSV (*.csv);;JSON (*.json);;GeoJSON (*.geojson)</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="260" />
            <source>Number of lieux</source>
            <translation>Nombre de lieux</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="261" />
            <source>Number of errors</source>
            <translation>Nombre d'erreurs</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="262" />
            <source>Number of warnings</source>
            <translation>Nombre d'avertissements</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="272" />
            <source>“Selected lieux only” needs a layer of the project as input.</source>
            <translation>« Lieux sélectionnés uniquement » nécessite une couche du projet en entrée.</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="303" />
            <source>A file has no selection: every lieu is exported.</source>
            <translation>Un fichier n'a pas de sélection : tous les lieux sont exportés.</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="306" />
            <source>Reading {path}…</source>
            <translation>Lecture de {path}…</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="239" />
            <source>Also export the source columns (colonnes_source)</source>
            <translation>Exporter aussi les colonnes source (colonnes_source)</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="206" />
            <source>&lt;p&gt;Writes lieux de médiation numérique as a file of the national standard. The extension of the output picks the format: &lt;b&gt;.csv&lt;/b&gt; (the standard's CSV: header in schema order, UTF-8, comma separator, lists joined with &lt;code&gt;|&lt;/code&gt;, decimal point), &lt;b&gt;.json&lt;/b&gt; (array of records) or &lt;b&gt;.geojson&lt;/b&gt; (points).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Lieux&lt;/b&gt;: a layer of the project (a working layer, or any layer whose fields are named like the standard's) or a file (CSV, XLSX, JSON, GeoJSON, GeoPackage). &lt;b&gt;Selected lieux only&lt;/b&gt;: export the selection of the layer.&lt;/p&gt;&lt;p&gt;The standard recommends naming the file &lt;code&gt;YYYY-MM-DD_idProducteur_lieux-de-mediation-numerique_territoire.csv&lt;/code&gt;. The log gives the validation of what was written; results LIEUX, ERRORS and WARNINGS give the counts.&lt;/p&gt;&lt;p&gt;Every lieu is written, or nothing: a lieu with no value in any written column is refused (with their number), since a file cannot hold it. &lt;b&gt;Also export the source columns&lt;/b&gt; adds the columns that are not fields of the standard (the &lt;code&gt;colonnes_source&lt;/code&gt; kept at the import, the other fields of a layer or columns of a file) after the 32 fields.&lt;/p&gt;&lt;p&gt;&lt;b&gt;CSV for a spreadsheet&lt;/b&gt;: cells that a spreadsheet would run as a formula (starting with = + - @) get a leading apostrophe; the file is then meant to be read by people, not published.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Écrit des lieux de médiation numérique dans un fichier du standard national. L'extension du fichier de sortie détermine le format : &lt;b&gt;.csv&lt;/b&gt; (le CSV du standard : en-tête dans l'ordre du schéma, UTF-8, séparateur virgule, listes jointes par &lt;code&gt;|&lt;/code&gt;, point décimal), &lt;b&gt;.json&lt;/b&gt; (tableau d'enregistrements) ou &lt;b&gt;.geojson&lt;/b&gt; (points).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Lieux&lt;/b&gt; : une couche du projet (une couche de travail, ou toute couche dont les champs portent les noms du standard) ou un fichier (CSV, XLSX, JSON, GeoJSON, GeoPackage). &lt;b&gt;Lieux sélectionnés uniquement&lt;/b&gt; : exporter la sélection de la couche.&lt;/p&gt;&lt;p&gt;Le standard recommande de nommer le fichier &lt;code&gt;AAAA-MM-JJ_idProducteur_lieux-de-mediation-numerique_territoire.csv&lt;/code&gt;. Le journal donne la validation de ce qui a été écrit ; les résultats LIEUX, ERRORS et WARNINGS en donnent les nombres.&lt;/p&gt;&lt;p&gt;Tous les lieux sont écrits, ou aucun : un lieu sans aucune valeur dans les colonnes écrites est refusé (avec leur nombre), car un fichier ne peut pas le contenir. &lt;b&gt;Exporter aussi les colonnes source&lt;/b&gt; ajoute, après les 32 champs, les colonnes qui ne sont pas des champs du standard (les &lt;code&gt;colonnes_source&lt;/code&gt; gardées à l'import, les autres champs d'une couche ou colonnes d'un fichier).&lt;/p&gt;&lt;p&gt;&lt;b&gt;CSV pour un tableur&lt;/b&gt; : les cellules qu'un tableur exécuterait comme une formule (commençant par = + - @) reçoivent une apostrophe initiale ; le fichier est alors destiné à être lu, pas publié.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="246" />
            <source>CSV for a spreadsheet (formulas defused)</source>
            <translation>CSV pour un tableur (formules neutralisées)</translation>
        </message>
    </context>
    <context>
        <name>ExportSummary</name>
        <message>
            <location filename="../plugin/core/summaries.py" line="186" />
            <source>{n} lieux exported to {name}</source>
            <translation>Lieux exportés vers {name} : {n}</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="188" />
            <source>conformant to the standard ({w} warnings)</source>
            <translation>conforme au standard (avertissements : {w})</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="190" />
            <source>NOT conformant: {e} errors in {r} lieux, {w} warnings</source>
            <translation>NON conforme : {e} erreur(s) dans {r} lieu(x), {w} avertissement(s)</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="198" />
            <source>Source: {source}</source>
            <translation>Source : {source}</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="199" />
            <source>File: {output} ({fmt})</source>
            <translation>Fichier : {output} ({fmt})</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="200" />
            <source>Lieux written: {n}</source>
            <translation>Lieux écrits : {n}</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="201" />
            <source>Validation of the file: {e} errors ({r} lieux) and {w} warnings</source>
            <translation>Validation du fichier : {e} erreur(s) ({r} lieu(x)) et {w} avertissement(s)</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="207" />
            <source>The file was written but does not pass the standard: fix the errors (validation panel) and export again.</source>
            <translation>Le fichier a été écrit mais n'est pas conforme au standard : corrigez les erreurs (panneau de validation) puis exportez à nouveau.</translation>
        </message>
    </context>
    <context>
        <name>FieldEditor</name>
        <message>
            <location filename="../plugin/gui/field_editors.py" line="54" />
            <source>not a web link (http or https)</source>
            <translation>pas un lien web (http ou https)</translation>
        </message>
        <message>
            <location filename="../plugin/gui/field_editors.py" line="143" />
            <source>Weekly grid…</source>
            <translation>Grille hebdomadaire…</translation>
        </message>
        <message>
            <location filename="../plugin/gui/field_editors.py" line="144" />
            <source>Edit the opening hours day by day</source>
            <translation>Saisir les horaires d'ouverture jour par jour</translation>
        </message>
    </context>
    <context>
        <name>FormLayout</name>
        <message>
            <location filename="../plugin/core/form_layout.py" line="54" />
            <source>Identity</source>
            <translation>Identité</translation>
        </message>
        <message>
            <location filename="../plugin/core/form_layout.py" line="55" />
            <source>Address and location</source>
            <translation>Adresse et localisation</translation>
        </message>
        <message>
            <location filename="../plugin/core/form_layout.py" line="56" />
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <location filename="../plugin/core/form_layout.py" line="57" />
            <source>Presentation</source>
            <translation>Présentation</translation>
        </message>
        <message>
            <location filename="../plugin/core/form_layout.py" line="58" />
            <source>Services and publics</source>
            <translation>Services et publics</translation>
        </message>
        <message>
            <location filename="../plugin/core/form_layout.py" line="59" />
            <source>Access and support</source>
            <translation>Accès et accompagnement</translation>
        </message>
        <message>
            <location filename="../plugin/core/form_layout.py" line="60" />
            <source>Labels and programmes</source>
            <translation>Labels et dispositifs</translation>
        </message>
        <message>
            <location filename="../plugin/core/form_layout.py" line="61" />
            <source>Opening hours and appointments</source>
            <translation>Horaires et rendez-vous</translation>
        </message>
        <message>
            <location filename="../plugin/core/form_layout.py" line="62" />
            <source>Data collection</source>
            <translation>Collecte des données</translation>
        </message>
        <message>
            <location filename="../plugin/core/form_layout.py" line="63" />
            <source>Other fields</source>
            <translation>Autres champs</translation>
        </message>
        <message>
            <location filename="../plugin/core/form_layout.py" line="113" />
            <source>Example: {example}</source>
            <translation>Exemple : {example}</translation>
        </message>
    </context>
    <context>
        <name>Geocoding</name>
        <message>
            <location filename="../plugin/api/ban.py" line="34" />
            <source>{source}: the answer is not a list of addresses.</source>
            <translation>{source} : la réponse n'est pas une liste d'adresses.</translation>
        </message>
        <message>
            <location filename="../plugin/api/ban.py" line="72" />
            <source>Type at least 3 characters of an address.</source>
            <translation>Saisissez au moins 3 caractères d'une adresse.</translation>
        </message>
    </context>
    <context>
        <name>HoursText</name>
        <message>
            <location filename="plugin/core/hours_text.py" line="34" />
            <source>Monday</source>
            <translation>lundi</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="35" />
            <source>Tuesday</source>
            <translation>mardi</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="36" />
            <source>Wednesday</source>
            <translation>mercredi</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="37" />
            <source>Thursday</source>
            <translation>jeudi</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="38" />
            <source>Friday</source>
            <translation>vendredi</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="39" />
            <source>Saturday</source>
            <translation>samedi</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="40" />
            <source>Sunday</source>
            <translation>dimanche</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="41" />
            <source>public holidays</source>
            <translation>jours fériés</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="42" />
            <source>school holidays</source>
            <translation>vacances scolaires</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="43" />
            <source>Easter</source>
            <translation>Pâques</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="50" />
            <source>January</source>
            <translation>janvier</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="51" />
            <source>February</source>
            <translation>février</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="52" />
            <source>March</source>
            <translation>mars</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="53" />
            <source>April</source>
            <translation>avril</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="54" />
            <source>May</source>
            <translation>mai</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="55" />
            <source>June</source>
            <translation>juin</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="56" />
            <source>July</source>
            <translation>juillet</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="57" />
            <source>August</source>
            <translation>août</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="58" />
            <source>September</source>
            <translation>septembre</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="59" />
            <source>October</source>
            <translation>octobre</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="60" />
            <source>November</source>
            <translation>novembre</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="61" />
            <source>December</source>
            <translation>décembre</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="92" />
            <source>sunrise</source>
            <translation>lever du soleil</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="93" />
            <source>sunset</source>
            <translation>coucher du soleil</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="94" />
            <source>dawn</source>
            <translation>aube</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="95" />
            <source>dusk</source>
            <translation>crépuscule</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="102" />
            <source>midnight</source>
            <translation>minuit</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="118" />
            <source>all day</source>
            <translation>toute la journée</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="124" />
            <source>from {start} to {end} the next day</source>
            <translation>de {start} à {end} le lendemain</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="124" />
            <source>from {start} to {end}</source>
            <translation>de {start} à {end}</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="141" />
            <source>first</source>
            <translation>premier</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="142" />
            <source>second</source>
            <translation>deuxième</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="143" />
            <source>third</source>
            <translation>troisième</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="144" />
            <source>fourth</source>
            <translation>quatrième</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="145" />
            <source>fifth</source>
            <translation>cinquième</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="146" />
            <source>last</source>
            <translation>dernier</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="147" />
            <source>second to last</source>
            <translation>avant-dernier</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="197" />
            <source>1st</source>
            <translation>1er</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="351" />
            <source>closed</source>
            <translation>fermé</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="72" />
            <source>{items} and {last}</source>
            <translation>{items} et {last}</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="105" />
            <source>{hour}:{minute}</source>
            <translation>{hour} h {minute}</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="153" />
            <source>the {nth} {day} of the month</source>
            <translation>le {nth} {day} du mois</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="198" />
            <source>{month} {day}</source>
            <translation>{day} {month}</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="353" />
            <source>hours not known</source>
            <translation>horaires inconnus</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="363" />
            <source>every day</source>
            <translation>tous les jours</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="104" />
            <source>{hour}:00</source>
            <translation>{hour} h</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="116" />
            <source>at {time}</source>
            <translation>à {time}</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="364" />
            <source>{when}: {what}</source>
            <translation>{when} : {what}</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="366" />
            <source>{text} ({comment})</source>
            <translation>{text} ({comment})</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="449" />
            <source>Opening hours not given</source>
            <translation>Horaires non renseignés</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="452" />
            <source>Opening hours not in the OpenStreetMap format: {value}</source>
            <translation>Horaires hors du format OpenStreetMap : {value}</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="115" />
            <source>from {start} onwards</source>
            <translation>à partir de {start}</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="226" />
            <source>from {start_date} to {end_date}</source>
            <translation>du {start_date} au {end_date}</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="357" />
            <source>open 24/7</source>
            <translation>ouvert 24 h/24 et 7 j/7</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="418" />
            <source>otherwise: {rule}</source>
            <translation>sinon : {rule}</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="182" />
            <source>from {first_day} to {last_day}</source>
            <translation>du {first_day} au {last_day}</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="221" />
            <source>on {date}</source>
            <translation>le {date}</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="246" />
            <source>week {week}</source>
            <translation>semaine {week}</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="248" />
            <source>odd weeks</source>
            <translation>semaines impaires</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="248" />
            <source>even weeks</source>
            <translation>semaines paires</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="271" />
            <source>from {first_year} to {last_year}</source>
            <translation>de {first_year} à {last_year}</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="276" />
            <source>in {year}</source>
            <translation>en {year}</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="212" />
            <source>in {month}</source>
            <translation>en {month}</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="215" />
            <source>from {first_month} to {last_month}</source>
            <translation>entre {first_month} et {last_month}</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="250" />
            <source>weeks {first_week} to {last_week}</source>
            <translation>semaines {first_week} à {last_week}</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="253" />
            <source>every {step} weeks from week {first_week} to {last_week}</source>
            <translation>toutes les {step} semaines, de la semaine {first_week} à la semaine {last_week}</translation>
        </message>
        <message>
            <location filename="plugin/core/hours_text.py" line="443" />
            <source>; </source>
            <translation>. </translation>
        </message>
    </context>
    <context>
        <name>ImportExport</name>
        <message>
            <location filename="../plugin/qgis/import_export.py" line="103" />
            <source>The working layer must be a GeoPackage file (.gpkg): {path}</source>
            <translation>La couche de travail doit être un fichier GeoPackage (.gpkg) : {path}</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/import_export.py" line="107" />
            <source>The working GeoPackage cannot replace the source file {path}.</source>
            <translation>Le GeoPackage de travail ne peut pas remplacer le fichier source {path}.</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/import_export.py" line="206" />
            <source>Blank rows of the source skipped: {n}</source>
            <translation>Lignes vides de la source ignorées : {n}</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/import_export.py" line="274" />
            <source>Unknown export format “{ext}”: name the file .csv, .json or .geojson.</source>
            <translation>Format d'export « {ext} » inconnu : nommez le fichier en .csv, .json ou .geojson.</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/import_export.py" line="336" />
            <source>Export canceled.</source>
            <translation>Export annulé.</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/import_export.py" line="233" />
            <source>Values changed by the mapping ({profile}):</source>
            <translation>Valeurs modifiées par la correspondance ({profile}) :</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/import_export.py" line="232" />
            <source>proposed mapping</source>
            <translation>correspondance proposée</translation>
        </message>
    </context>
    <context>
        <name>ImportLieuxAlgorithm</name>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="59" />
            <source>Open a lieux file as a working layer</source>
            <translation>Ouvrir un fichier de lieux comme couche de travail</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="62" />
            <source>import,open,geopackage,form,lieux,mednum</source>
            <translation>import,importer,ouvrir,open,geopackage,formulaire,form,lieux,mednum</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="85" />
            <source>File of lieux</source>
            <translation>Fichier de lieux</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="85" />
            <source>Lieux files ({patterns})</source>
            <translation>Fichiers de lieux ({patterns})</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="92" />
            <source>Working GeoPackage</source>
            <translation>GeoPackage de travail</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="92" />
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="128" />
            <source>Number of lieux</source>
            <translation>Nombre de lieux</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="129" />
            <source>Lieux without coordinates</source>
            <translation>Lieux sans coordonnées</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="134" />
            <source>Columns kept aside</source>
            <translation>Colonnes mises de côté</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="137" />
            <source>Number of errors</source>
            <translation>Nombre d'erreurs</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="138" />
            <source>Number of warnings</source>
            <translation>Nombre d'avertissements</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="162" />
            <source>Reading {path}…</source>
            <translation>Lecture de {path}…</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="65" />
            <source>&lt;p&gt;Reads a file of lieux de médiation numérique (CSV, XLSX, JSON, GeoJSON or GeoPackage) into a new &lt;b&gt;working GeoPackage&lt;/b&gt;: a point layer (EPSG:4326, from latitude/longitude) holding exactly the 32 fields of the standard in their conformant form (lists as &lt;code&gt;a|b&lt;/code&gt;, ISO dates), with the standard's edit form and a style stored as the layer's default style.&lt;/p&gt;&lt;p&gt;Lieux without valid coordinates are kept without a point and listed in the log. Source columns that are not fields of the standard are kept in the table &lt;code&gt;colonnes_source&lt;/code&gt; of the GeoPackage, linked by id. The source file is never modified.&lt;/p&gt;&lt;p&gt;Results: LIEUX, WITHOUT_COORDINATES, EXTRA_COLUMNS (names), ERRORS and WARNINGS (validation).&lt;/p&gt;&lt;p&gt;&lt;b&gt;MAPPING&lt;/b&gt; (optional): a mapping profile in mednum-cli's configuration grammar (&lt;code&gt;&amp;lt;source&amp;gt;.config.json&lt;/code&gt;) for a Hub's file whose columns are not the standard's; &lt;b&gt;SOURCE_NAME&lt;/b&gt; then makes the ids &lt;code&gt;&amp;lt;source&amp;gt;_&amp;lt;id&amp;gt;&lt;/code&gt; as mednum-cli does. Lieux without coordinates are placed at their commune's centre (approximate, listed in the log), or first geocoded with the Base Adresse Nationale when &lt;b&gt;GEOCODE&lt;/b&gt; is checked. Every value the mapping changed is listed in the log.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Lit un fichier de lieux de médiation numérique (CSV, XLSX, JSON, GeoJSON ou GeoPackage) dans un nouveau &lt;b&gt;GeoPackage de travail&lt;/b&gt; : une couche de points (EPSG:4326, d'après latitude/longitude) qui contient exactement les 32 champs du standard sous leur forme conforme (listes en &lt;code&gt;a|b&lt;/code&gt;, dates ISO), avec le formulaire de saisie du standard et un style enregistré comme style par défaut de la couche.&lt;/p&gt;&lt;p&gt;Les lieux sans coordonnées valides sont conservés sans point et listés dans le journal. Les colonnes du fichier qui ne sont pas des champs du standard sont conservées dans la table &lt;code&gt;colonnes_source&lt;/code&gt; du GeoPackage, reliée par id. Le fichier source n'est jamais modifié.&lt;/p&gt;&lt;p&gt;Résultats : LIEUX, WITHOUT_COORDINATES, EXTRA_COLUMNS (noms), ERRORS et WARNINGS (validation).&lt;/p&gt;&lt;p&gt;&lt;b&gt;MAPPING&lt;/b&gt; (facultatif) : un profil de correspondance écrit dans la grammaire de configuration de mednum-cli (&lt;code&gt;&amp;lt;source&amp;gt;.config.json&lt;/code&gt;) pour le fichier d'un Hub dont les colonnes ne sont pas celles du standard ; &lt;b&gt;SOURCE_NAME&lt;/b&gt; fait alors les identifiants &lt;code&gt;&amp;lt;source&amp;gt;_&amp;lt;id&amp;gt;&lt;/code&gt; comme mednum-cli. Les lieux sans coordonnées sont placés au centre de leur commune (position approximative, listée dans le journal), ou d'abord géocodés par la Base Adresse Nationale si &lt;b&gt;GEOCODE&lt;/b&gt; est coché. Chaque valeur modifiée par la correspondance est listée dans le journal.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="99" />
            <source>Mapping profile (mednum-cli configuration)</source>
            <translation>Profil de correspondance (configuration mednum-cli)</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="99" />
            <source>Mapping profiles (*.json)</source>
            <translation>Profils de correspondance (*.json)</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="106" />
            <source>Source name (ids &lt;source&gt;_&lt;id&gt;)</source>
            <translation>Nom de la source (identifiants &lt;source&gt;_&lt;id&gt;)</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="112" />
            <source>Geocode lieux without coordinates (Base Adresse Nationale)</source>
            <translation>Géocoder les lieux sans coordonnées (Base Adresse Nationale)</translation>
        </message>
        <message>
            <location filename="../plugin/processing/lieux_files_algorithms.py" line="123" />
            <source>Replace the lieux of the team database</source>
            <translation>Remplacer les lieux de la base d'équipe</translation>
        </message>
    </context>
    <context>
        <name>ImportSummary</name>
        <message>
            <location filename="../plugin/core/summaries.py" line="26" />
            <source>row {row}</source>
            <translation>ligne {row}</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="49" />
            <source>{n} lieux imported</source>
            <translation>Lieux importés : {n}</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="51" />
            <source>{n} without coordinates</source>
            <translation>sans coordonnées : {n}</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="53" />
            <source>{n} columns kept aside</source>
            <translation>colonnes mises de côté : {n}</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="55" />
            <source>{e} errors, {w} warnings</source>
            <translation>erreurs : {e}, avertissements : {w}</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="61" />
            <source>validation in progress…</source>
            <translation>validation en cours…</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="66" />
            <source>Source: {source}</source>
            <translation>Source : {source}</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="68" />
            <source>Working layer: {output}</source>
            <translation>Couche de travail : {output}</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="69" />
            <source>Lieux: {n}</source>
            <translation>Lieux : {n}</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="71" />
            <source>Validation: {e} errors and {w} warnings ({r} lieux with errors)</source>
            <translation>Validation : {e} erreur(s) et {w} avertissement(s) ({r} lieu(x) en erreur)</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="77" />
            <source>Lieux without coordinates (kept, without a point on the map): {n}</source>
            <translation>Lieux sans coordonnées (conservés, sans point sur la carte) : {n}</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="84" />
            <source>… and {n} more</source>
            <translation>… et {n} autres</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="87" />
            <source>…of which coordinates that are present but not valid: {n}</source>
            <translation>…dont coordonnées présentes mais non valides : {n}</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="93" />
            <source>Source columns that are not fields of the standard, kept in the side table: {cols}</source>
            <translation>Colonnes de la source qui ne sont pas des champs du standard, conservées dans la table annexe : {cols}</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="100" />
            <source>Every source column is a field of the standard.</source>
            <translation>Toutes les colonnes de la source sont des champs du standard.</translation>
        </message>
        <message>
            <location filename="../plugin/core/summaries.py" line="59" />
            <source>{n} probable duplicates</source>
            <translation>doublons probables : {n}</translation>
        </message>
    </context>
    <context>
        <name>InitDatabaseAlgorithm</name>
        <message>
            <location filename="../plugin/processing/team_algorithms.py" line="82" />
            <source>Create or upgrade a team database (PostGIS)</source>
            <translation>Créer ou mettre à niveau une base d'équipe (PostGIS)</translation>
        </message>
        <message>
            <location filename="../plugin/processing/team_algorithms.py" line="85" />
            <source>team,postgis,postgresql,database,journal,mednum</source>
            <translation>équipe,postgis,postgresql,base,journal,mednum</translation>
        </message>
        <message>
            <location filename="../plugin/processing/team_algorithms.py" line="104" />
            <source>Schema version before</source>
            <translation>Version du schéma avant</translation>
        </message>
        <message>
            <location filename="../plugin/processing/team_algorithms.py" line="106" />
            <source>Schema version</source>
            <translation>Version du schéma</translation>
        </message>
        <message>
            <location filename="../plugin/processing/team_algorithms.py" line="107" />
            <source>Number of lieux</source>
            <translation>Nombre de lieux</translation>
        </message>
        <message>
            <location filename="../plugin/processing/team_algorithms.py" line="108" />
            <source>Layer source</source>
            <translation>Source de la couche</translation>
        </message>
        <message>
            <location filename="../plugin/processing/team_algorithms.py" line="120" />
            <source>The schema {schema} is up to date (version {v}).</source>
            <translation>Le schéma {schema} est à jour (version {v}).</translation>
        </message>
        <message>
            <location filename="../plugin/processing/team_algorithms.py" line="123" />
            <source>The schema {schema} went from version {a} to {b}.</source>
            <translation>Le schéma {schema} est passé de la version {a} à la version {b}.</translation>
        </message>
        <message>
            <location filename="plugin/processing/team_algorithms.py" line="88" />
            <source>&lt;p&gt;Creates, or upgrades to this version of the plugin, the &lt;b&gt;team schema&lt;/b&gt; of a PostgreSQL/PostGIS database: the table &lt;code&gt;lieux&lt;/code&gt; (the 32 fields of the standard as text, a point in EPSG:4326, a row version that refuses to overwrite a colleague's save), &lt;code&gt;colonnes_source&lt;/code&gt;, the sync table of the API connectors and &lt;code&gt;journal&lt;/code&gt;: who changed which field of which lieu, when, before and after, deletions included (restorable). Running it again changes nothing.&lt;/p&gt;&lt;p&gt;The connection is a QGIS PostgreSQL connection (password in the QGIS authentication database); headless, a URI without password and the PGPASSWORD variable or ~/.pgpass. The user must be allowed to create the schema, and the PostGIS extension if it is not installed yet.&lt;/p&gt;&lt;p&gt;Results: VERSION_BEFORE (0: new), VERSION, LIEUX (lieux already in it), LAYER (the layer's source).&lt;/p&gt;</source>
            <translation>&lt;p&gt;Crée, ou met à niveau pour cette version de l'extension, le &lt;b&gt;schéma d'équipe&lt;/b&gt; d'une base PostgreSQL/PostGIS : la table &lt;code&gt;lieux&lt;/code&gt; (les 32 champs du standard en texte, un point EPSG:4326, une version de ligne qui refuse d'écraser l'enregistrement d'un collègue), &lt;code&gt;colonnes_source&lt;/code&gt;, la table de synchronisation des connecteurs API et &lt;code&gt;journal&lt;/code&gt; : qui a modifié quel champ de quel lieu, quand, avant, après, suppressions comprises (restaurables). Le relancer ne change rien.&lt;/p&gt;&lt;p&gt;La connexion est une connexion PostgreSQL de QGIS (mot de passe dans la base d'authentification de QGIS) ; sans écran, une URI sans mot de passe et la variable PGPASSWORD ou ~/.pgpass. L'utilisateur doit avoir le droit de créer le schéma, et l'extension PostGIS si elle n'est pas encore installée.&lt;/p&gt;&lt;p&gt;Résultats : VERSION_BEFORE (0 : nouveau), VERSION, LIEUX (lieux déjà présents), LAYER (la source de la couche).&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>IssueCounts</name>
        <message>
            <location filename="../plugin/core/validation/issue_set.py" line="95" />
            <source>, {n} lieux flagged as probable duplicates</source>
            <translation>, lieux signalés comme doublons probables : {n}</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/issue_set.py" line="97" />
            <source>the file's columns: {errors} errors, {warnings} warnings</source>
            <translation>colonnes du fichier : erreurs : {errors}, avertissements : {warnings}</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/issue_set.py" line="89" />
            <source>the lieux: {errors} errors ({lieux} lieux with errors), {warnings} warnings</source>
            <translation>lieux : {errors} erreur(s) ({lieux} lieux en erreur), {warnings} avertissement(s)</translation>
        </message>
    </context>
    <context>
        <name>IssuesModel</name>
        <message>
            <location filename="plugin/gui/issues_model.py" line="279" />
            <source>Accepted</source>
            <translation>Acceptées</translation>
        </message>
        <message>
            <location filename="plugin/gui/issues_model.py" line="603" />
            <source>Click to sort</source>
            <translation>Cliquer pour trier</translation>
        </message>
        <message>
            <location filename="plugin/gui/issues_model.py" line="600" />
            <source>Lieu / issue</source>
            <translation>Lieu / anomalie</translation>
        </message>
        <message>
            <location filename="plugin/gui/issues_model.py" line="600" />
            <source>Rule / lieu</source>
            <translation>Règle / lieu</translation>
        </message>
        <message>
            <location filename="plugin/gui/issues_model.py" line="181" />
            <source>Lieu {fid}</source>
            <translation>Lieu {fid}</translation>
        </message>
        <message>
            <location filename="plugin/gui/issues_model.py" line="601" />
            <source>Severity</source>
            <translation>Gravité</translation>
        </message>
        <message>
            <location filename="plugin/gui/issues_model.py" line="601" />
            <source>Field</source>
            <translation>Champ</translation>
        </message>
        <message>
            <location filename="plugin/gui/issues_model.py" line="601" />
            <source>Value → suggested fix</source>
            <translation>Valeur → correction proposée</translation>
        </message>
        <message>
            <location filename="../plugin/gui/validation_dock.py" line="412" />
            <source>Error</source>
            <translation>Erreur</translation>
        </message>
        <message>
            <location filename="../plugin/gui/validation_dock.py" line="412" />
            <source>Warning</source>
            <translation>Avertissement</translation>
        </message>
        <message>
            <location filename="plugin/gui/issues_model.py" line="659" />
            <source>(empty the cell)</source>
            <translation>(vider la cellule)</translation>
        </message>
        <message>
            <location filename="plugin/gui/issues_model.py" line="703" />
            <source>{n} err.</source>
            <translation>{n} err.</translation>
        </message>
        <message>
            <location filename="../plugin/gui/validation_dock.py" line="412" />
            <source>{n} warn.</source>
            <translation>{n} avert.</translation>
        </message>
        <message>
            <location filename="plugin/gui/issues_model.py" line="667" />
            <source>Accepted: {reason}</source>
            <translation>Acceptée : {reason}</translation>
        </message>
    </context>
    <context>
        <name>JournalDialog</name>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="58" />
            <source>When</source>
            <translation>Quand</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="58" />
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="58" />
            <source>Operation</source>
            <translation>Opération</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="58" />
            <source>Lieu (id)</source>
            <translation>Lieu (id)</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="58" />
            <source>Field</source>
            <translation>Champ</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="58" />
            <source>Before</source>
            <translation>Avant</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="59" />
            <source>After</source>
            <translation>Après</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="81" />
            <source>All agents</source>
            <translation>Tous les agents</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="113" />
            <source>Restore the deleted lieu</source>
            <translation>Restaurer le lieu supprimé</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="115" />
            <source>Export as CSV…</source>
            <translation>Exporter en CSV…</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="39" />
            <source>created</source>
            <translation>création</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="40" />
            <source>changed</source>
            <translation>modification</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="41" />
            <source>deleted</source>
            <translation>suppression</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="42" />
            <source>restored</source>
            <translation>restauration</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="43" />
            <source>import</source>
            <translation>import</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="83" />
            <source>From</source>
            <translation>Du</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="88" />
            <source>to</source>
            <translation>au</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="189" />
            <source>Export the journal</source>
            <translation>Exporter le journal</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="189" />
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="75" />
            <source>Who changed what — {name}</source>
            <translation>Qui a modifié quoi — {name}</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="163" />
            <source>{n} changes</source>
            <translation>{n} modifications</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="183" />
            <source>The lieu {id} is back in the team's lieux.</source>
            <translation>Le lieu {id} est de retour parmi les lieux de l'équipe.</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="197" />
            <source>{n} changes written to {path}.</source>
            <translation>{n} modifications écrites dans {path}.</translation>
        </message>
        <message>
            <location filename="plugin/gui/journal_dialog.py" line="195" />
            <source>The journal could not be written: {error}</source>
            <translation>Le journal n'a pas pu être écrit : {error}</translation>
        </message>
    </context>
    <context>
        <name>LayerRecords</name>
        <message>
            <location filename="../plugin/qgis/layer_records.py" line="59" />
            <source>Reading the layer was cancelled.</source>
            <translation>La lecture de la couche a été annulée.</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/layer_records.py" line="218" />
            <source>{count} coordinates taken from the feature geometry.</source>
            <translation>Coordonnées tirées de la géométrie des entités : {count}.</translation>
        </message>
    </context>
    <context>
        <name>LieuxFiles</name>
        <message>
            <location filename="../plugin/gui/lieux_files.py" line="36" />
            <source>Lieux files ({patterns})</source>
            <translation>Fichiers de lieux ({patterns})</translation>
        </message>
        <message>
            <location filename="../plugin/gui/lieux_files.py" line="354" />
            <source>Lieux de médiation numérique</source>
            <translation>Lieux de médiation numérique</translation>
        </message>
        <message>
            <location filename="../plugin/gui/lieux_files.py" line="103" />
            <source>Open a lieux file…</source>
            <translation>Ouvrir un fichier de lieux…</translation>
        </message>
        <message>
            <location filename="../plugin/gui/lieux_files.py" line="103" />
            <source>Open a file of lieux (CSV, XLSX, JSON, GeoJSON, GeoPackage) as a working layer with the standard's form</source>
            <translation>Ouvrir un fichier de lieux (CSV, XLSX, JSON, GeoJSON, GeoPackage) comme couche de travail, avec le formulaire du standard</translation>
        </message>
        <message>
            <location filename="../plugin/gui/lieux_files.py" line="127" />
            <source>Export a conformant file…</source>
            <translation>Exporter un fichier conforme…</translation>
        </message>
        <message>
            <location filename="../plugin/gui/lieux_files.py" line="127" />
            <source>Write the lieux of a layer as a CSV, JSON or GeoJSON file of the standard</source>
            <translation>Écrire les lieux d'une couche dans un fichier CSV, JSON ou GeoJSON du standard</translation>
        </message>
        <message>
            <location filename="../plugin/gui/lieux_files.py" line="368" />
            <source>Open a lieux file</source>
            <translation>Ouvrir un fichier de lieux</translation>
        </message>
        <message>
            <location filename="../plugin/gui/lieux_files.py" line="187" />
            <source>Working layer {name} opened: {n} lieux</source>
            <translation>Couche de travail {name} ouverte : {n} lieux</translation>
        </message>
        <message>
            <location filename="../plugin/gui/lieux_files.py" line="212" />
            <source>Working GeoPackage to create</source>
            <translation>GeoPackage de travail à créer</translation>
        </message>
        <message>
            <location filename="../plugin/gui/lieux_files.py" line="212" />
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../plugin/gui/lieux_files.py" line="223" />
            <source>{name} is open in the project: remove its layers or choose another file name.</source>
            <translation>{name} est ouvert dans le projet : retirez ses couches ou choisissez un autre nom de fichier.</translation>
        </message>
        <message>
            <location filename="../plugin/gui/lieux_files.py" line="328" />
            <source>Import of {name}</source>
            <translation>Import de {name}</translation>
        </message>
        <message>
            <location filename="../plugin/gui/lieux_files.py" line="235" />
            <source>Importing {name}… (progress and cancel in the task manager)</source>
            <translation>Import de {name}… (avancement et annulation dans le gestionnaire de tâches)</translation>
        </message>
        <message>
            <location filename="../plugin/gui/lieux_files.py" line="357" />
            <source>Validation of {name}</source>
            <translation>Validation de {name}</translation>
        </message>
        <message>
            <location filename="../plugin/gui/lieux_files.py" line="395" />
            <source>Export to {name}</source>
            <translation>Export vers {name}</translation>
        </message>
        <message>
            <location filename="../plugin/gui/lieux_files.py" line="406" />
            <source>Export a conformant file</source>
            <translation>Exporter un fichier conforme</translation>
        </message>
        <message>
            <location filename="../plugin/gui/lieux_files.py" line="115" />
            <source>Import with a mapping…</source>
            <translation>Importer avec une correspondance…</translation>
        </message>
        <message>
            <location filename="../plugin/gui/lieux_files.py" line="115" />
            <source>Bring a Hub's own file (its own columns) into the standard: proposed mapping, value table, live preview, saved profiles (mednum-cli's configurations)</source>
            <translation>Mettre au standard le fichier propre d'un Hub (ses propres colonnes) : correspondance proposée, table des valeurs, aperçu en direct, profils enregistrés (configurations mednum-cli)</translation>
        </message>
        <message>
            <location filename="../plugin/gui/lieux_files.py" line="301" />
            <source>Import with a mapping</source>
            <translation>Importer avec une correspondance</translation>
        </message>
        <message>
            <location filename="plugin/gui/lieux_files.py" line="266" />
            <source>The columns of {name} are not the standard's: most fields would be empty and its columns kept aside. Import it with a mapping (proposed from its columns, editable, with a preview)?</source>
            <translation>Les colonnes de {name} ne sont pas celles du standard : la plupart des champs seraient vides et ses colonnes mises de côté. L'importer avec une correspondance (proposée d'après ses colonnes, modifiable, avec un aperçu) ?</translation>
        </message>
    </context>
    <context>
        <name>LieuxMednumPlugin</name>
        <message>
            <location filename="../plugin/main.py" line="186" />
            <source>A part of the plugin could not start ({name}); the details are in the log panel, tab “{title}”.</source>
            <translation>Une partie de l'extension n'a pas pu démarrer ({name}) ; le détail figure dans le panneau Journal des messages, onglet « {title} ».</translation>
        </message>
        <message>
            <location filename="../plugin/main.py" line="211" />
            <source>Settings…</source>
            <translation>Paramètres…</translation>
        </message>
        <message>
            <location filename="../plugin/main.py" line="217" />
            <source>Help and about…</source>
            <translation>Aide et à propos…</translation>
        </message>
        <message>
            <location filename="../plugin/main.py" line="293" />
            <source>Copy the command</source>
            <translation>Copier la commande</translation>
        </message>
    </context>
    <context>
        <name>LieuxTask</name>
        <message>
            <location filename="../plugin/qgis/tasks.py" line="28" />
            <source>Canceled.</source>
            <translation>Annulé.</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/tasks.py" line="37" />
            <source>Unexpected error: {error} (details in the log)</source>
            <translation>Erreur inattendue : {error} (détails dans le journal)</translation>
        </message>
    </context>
    <context>
        <name>LiveValidation</name>
        <message>
            <location filename="../plugin/qgis/live_validation.py" line="418" />
            <source>This layer does not have the fields of the standard.</source>
            <translation>Cette couche n'a pas les champs du standard.</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/live_validation.py" line="463" />
            <source>Validation of {name}</source>
            <translation>Validation de {name}</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/live_validation.py" line="481" />
            <source>Validation canceled.</source>
            <translation>Validation annulée.</translation>
        </message>
    </context>
    <context>
        <name>Mapping</name>
        <message>
            <location filename="../plugin/core/mapping/apply.py" line="152" />
            <source>row {row}, {field}: “{before}” → “{after}”</source>
            <translation>ligne {row}, {field} : « {before} » → « {after} »</translation>
        </message>
        <message>
            <location filename="../plugin/core/mapping/apply.py" line="519" />
            <source>Keys of the profile that are not fields of the standard, ignored: {keys}</source>
            <translation>Clés du profil qui ne sont pas des champs du standard, ignorées : {keys}</translation>
        </message>
        <message>
            <location filename="../plugin/core/mapping/apply.py" line="526" />
            <source>Columns named by the profile but absent from the file: {columns}</source>
            <translation>Colonnes nommées par le profil mais absentes du fichier : {columns}</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/profile.py" line="143" />
            <source>the mapping</source>
            <translation>la correspondance</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/profile.py" line="205" />
            <source>“colonne” expects a column name (or a list of names).</source>
            <translation>« colonne » attend un nom de colonne (ou une liste de noms).</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/profile.py" line="146" />
            <source>{name} is not a mapping profile: a JSON object with one key per field is expected.</source>
            <translation>{name} n'est pas un profil de correspondance : un objet JSON avec une clé par champ est attendu.</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/profile.py" line="163" />
            <source>{name}, key “{key}”: {problem}</source>
            <translation>{name}, clé « {key} » : {problem}</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/profile.py" line="217" />
            <source>The mapping profile {path} does not exist.</source>
            <translation>Le profil de correspondance {path} n'existe pas.</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/profile.py" line="220" />
            <source>The mapping profile {path} cannot be read: {reason}</source>
            <translation>Le profil de correspondance {path} ne peut pas être lu : {reason}</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/profile.py" line="226" />
            <source>The mapping profile {path} is not valid JSON (line {line}, column {column}).</source>
            <translation>Le profil de correspondance {path} n'est pas un JSON valide (ligne {line}, colonne {column}).</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/profile.py" line="246" />
            <source>Cannot write the mapping profile {path}: {reason}</source>
            <translation>Impossible d'écrire le profil de correspondance {path} : {reason}</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/profile.py" line="185" />
            <source>“{key}” expects a list of texts.</source>
            <translation>« {key} » attend une liste de textes.</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/apply.py" line="57" />
            <source>opening hours written in words → OSM syntax</source>
            <translation>horaires écrits en toutes lettres → syntaxe OSM</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/apply.py" line="58" />
            <source>one column per day → OSM opening hours</source>
            <translation>une colonne par jour → horaires OSM</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/apply.py" line="59" />
            <source>opening hours that could not be read (kept as written)</source>
            <translation>horaires illisibles (conservés tels quels)</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/apply.py" line="60" />
            <source>telephone → international format</source>
            <translation>téléphone → format international</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/apply.py" line="61" />
            <source>code with its leading zero restored</source>
            <translation>code dont le zéro initial est rétabli</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/apply.py" line="62" />
            <source>date → YYYY-MM-DD</source>
            <translation>date → AAAA-MM-JJ</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/apply.py" line="63" />
            <source>address joined from several columns</source>
            <translation>adresse assemblée à partir de plusieurs colonnes</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/apply.py" line="64" />
            <source>coordinate taken from a “lat,long” cell</source>
            <translation>coordonnée extraite d'une cellule « lat,long »</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/apply.py" line="65" />
            <source>coordinate with a decimal comma → decimal point</source>
            <translation>coordonnée avec virgule décimale → point décimal</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/apply.py" line="66" />
            <source>coordinates reprojected from Lambert-93 to WGS 84</source>
            <translation>coordonnées reprojetées du Lambert-93 en WGS 84</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/apply.py" line="67" />
            <source>identifier built as &lt;source&gt;_&lt;id&gt;</source>
            <translation>identifiant construit en &lt;source&gt;_&lt;id&gt;</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/apply.py" line="68" />
            <source>source filled with the source name</source>
            <translation>source renseignée avec le nom de la source</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/apply.py" line="69" />
            <source>coordinates geocoded from the address (Base Adresse Nationale)</source>
            <translation>coordonnées géocodées d'après l'adresse (Base Adresse Nationale)</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/apply.py" line="70" />
            <source>coordinates of the commune's centre (approximate)</source>
            <translation>coordonnées du centre de la commune (approximatives)</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/geocoding.py" line="77" />
            <source>{n} lieux geocoded from their address (Base Adresse Nationale)</source>
            <translation>{n} lieux géocodés d'après leur adresse (Base Adresse Nationale)</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/geocoding.py" line="80" />
            <source>{n} lieux placed at their commune's centre: approximate positions to check</source>
            <translation>{n} lieux placés au centre de leur commune : positions approximatives à vérifier</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/geocoding.py" line="85" />
            <source>{n} lieux without coordinates (no address or commune found)</source>
            <translation>{n} lieux sans coordonnées (ni adresse ni commune trouvée)</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/geocoding.py" line="87" />
            <source>Geocoding unavailable: {reason}</source>
            <translation>Géocodage indisponible : {reason}</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/proposal.py" line="478" />
            <source>{n} value rules</source>
            <translation>{n} règles de valeurs</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/proposal.py" line="485" />
            <source>join: {columns}</source>
            <translation>joindre : {columns}</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/proposal.py" line="491" />
            <source>part {n} of {column}</source>
            <translation>partie {n} de {column}</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/proposal.py" line="494" />
            <source>one column per day ({days})</source>
            <translation>une colonne par jour ({days})</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/proposal.py" line="498" />
            <source>hours in words: {column}</source>
            <translation>horaires en toutes lettres : {column}</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/proposal.py" line="500" />
            <source>OSM hours: {column}</source>
            <translation>horaires OSM : {column}</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/proposal.py" line="505" />
            <source>constant “{value}”</source>
            <translation>constante « {value} »</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/proposal.py" line="486" />
            <source>else {rule}</source>
            <translation>sinon {rule}</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/profile.py" line="208" />
            <source>expected “colonne”, “valeur” or a list of value rules.</source>
            <translation>attendu : « colonne », « valeur » ou une liste de règles de valeurs.</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/profile.py" line="172" />
            <source>expected “osm” or “semaine” (a column) or “jours” (a column per day).</source>
            <translation>attendu : « osm » ou « semaine » (une colonne) ou « jours » (une colonne par jour).</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/profile.py" line="177" />
            <source>“jours” expects a list of days, each with its “colonne” and its “osm” day (Mo to Su).</source>
            <translation>« jours » attend une liste de jours, chacun avec sa « colonne » et son jour « osm » (Mo à Su).</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/profile.py" line="192" />
            <source>“joindre” expects a list of “colonnes” and a “séparateur”.</source>
            <translation>« joindre » attend une liste de « colonnes » et un « séparateur ».</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/profile.py" line="199" />
            <source>“dissocier” expects a “colonne”, a “séparateur” and a “partie” (0, 1…).</source>
            <translation>« dissocier » attend une « colonne », un « séparateur » et une « partie » (0, 1…).</translation>
        </message>
        <message>
            <location filename="plugin/core/mapping/profile.py" line="182" />
            <source>a list of value rules (“colonnes”, “termes”, “sauf”, “cible”) is expected.</source>
            <translation>une liste de règles de valeurs (« colonnes », « termes », « sauf », « cible ») est attendue.</translation>
        </message>
    </context>
    <context>
        <name>MappingDialog</name>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="121" />
            <source>Mapping proposed from the columns' names and values: check it, correct it.</source>
            <translation>Correspondance proposée d'après les noms et les valeurs des colonnes : vérifiez-la, corrigez-la.</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="133" />
            <source>Load a profile…</source>
            <translation>Charger un profil…</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="135" />
            <source>Save the profile…</source>
            <translation>Enregistrer le profil…</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="142" />
            <source>Source columns</source>
            <translation>Colonnes du fichier</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="158" />
            <source>Fields of the standard</source>
            <translation>Champs du standard</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="188" />
            <source>Select a list field to see its value table.</source>
            <translation>Sélectionnez un champ à liste pour voir sa table des valeurs.</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="205" />
            <source>Preview in the standard</source>
            <translation>Aperçu au standard</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="217" />
            <source>Geocode the lieux without coordinates (Base Adresse Nationale, online)</source>
            <translation>Géocoder les lieux sans coordonnées (Base Adresse Nationale, en ligne)</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="219" />
            <source>Otherwise, or when the service does not answer, they are placed at their commune's centre (approximate, listed in the summary).</source>
            <translation>Sinon, ou si le service ne répond pas, ils sont placés au centre de leur commune (position approximative, listée dans le bilan).</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="224" />
            <source>Import…</source>
            <translation>Importer…</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="232" />
            <source>postal code</source>
            <translation>code postal</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="232" />
            <source>INSEE code</source>
            <translation>code INSEE</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="232" />
            <source>latitude</source>
            <translation>latitude</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="233" />
            <source>longitude</source>
            <translation>longitude</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="233" />
            <source>lat,long pair</source>
            <translation>paire lat,long</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="233" />
            <source>telephone</source>
            <translation>téléphone</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="234" />
            <source>e-mail</source>
            <translation>courriel</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="234" />
            <source>web address</source>
            <translation>adresse web</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="234" />
            <source>OSM hours</source>
            <translation>horaires OSM</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="235" />
            <source>hours in words</source>
            <translation>horaires en toutes lettres</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="235" />
            <source>hours of one day</source>
            <translation>horaires d'un jour</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="235" />
            <source>Oui/Non</source>
            <translation>Oui/Non</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="236" />
            <source>date</source>
            <translation>date</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="236" />
            <source>SIRET</source>
            <translation>SIRET</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="236" />
            <source>number</source>
            <translation>nombre</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="236" />
            <source>text</source>
            <translation>texte</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="237" />
            <source>empty</source>
            <translation>vide</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="371" />
            <source>Load a mapping profile</source>
            <translation>Charger un profil de correspondance</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="371" />
            <source>Mapping profiles (*.json)</source>
            <translation>Profils de correspondance (*.json)</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="393" />
            <source>Save the profile</source>
            <translation>Enregistrer le profil</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="393" />
            <source>Name of the profile:</source>
            <translation>Nom du profil :</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="123" />
            <source>{n} rows</source>
            <translation>{n} lignes</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="127" />
            <source>Source name:</source>
            <translation>Nom de la source :</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="145" />
            <source>Column</source>
            <translation>Colonne</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="145" />
            <source>Filled</source>
            <translation>Rempli</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="145" />
            <source>Kind</source>
            <translation>Nature</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="145" />
            <source>Examples</source>
            <translation>Exemples</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="161" />
            <source>Field</source>
            <translation>Champ</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="161" />
            <source>Source column or rule</source>
            <translation>Colonne du fichier ou règle</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="161" />
            <source>Rule</source>
            <translation>Règle</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="192" />
            <source>Source value</source>
            <translation>Valeur du fichier</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="192" />
            <source>Rows</source>
            <translation>Lignes</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="192" />
            <source>Standard values (a|b)</source>
            <translation>Valeurs du standard (a|b)</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="90" />
            <source>Import with a mapping — {name}</source>
            <translation>Importer avec une correspondance — {name}</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="119" />
            <source>Profile “{name}” fits this file's columns.</source>
            <translation>Le profil « {name} » correspond aux colonnes de ce fichier.</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="360" />
            <source>First {rows} lieux: {errors} errors, {warnings} warnings, {changed} values changed by the mapping, {kept} columns kept in colonnes_source ({ms:.0f} ms)</source>
            <translation>{rows} premiers lieux : {errors} erreurs, {warnings} avertissements, {changed} valeurs modifiées par la correspondance, {kept} colonnes conservées dans colonnes_source ({ms:.0f} ms)</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="303" />
            <source>Values of {field}: {n} distinct source values, {u} without a standard value</source>
            <translation>Valeurs de {field} : {n} valeurs distinctes dans le fichier, {u} sans valeur du standard</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="316" />
            <source>No standard value: type one (several with |), or leave it empty</source>
            <translation>Aucune valeur du standard : saisissez-en une (plusieurs avec |), ou laissez vide</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="402" />
            <source>Save it with the project (folder {folder}) rather than in your own profiles?</source>
            <translation>L'enregistrer avec le projet (dossier {folder}) plutôt que dans vos propres profils ?</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="257" />
            <source>(rule of the profile)</source>
            <translation>(règle du profil)</translation>
        </message>
        <message>
            <location filename="plugin/gui/mapping_dialog.py" line="129" />
            <source>Ids are built as name_id (spaces → -), as mednum-cli builds them</source>
            <translation>Les identifiants sont construits en nom_id (espaces → -), comme mednum-cli les construit</translation>
        </message>
    </context>
    <context>
        <name>MednumAlgorithm</name>
        <message>
            <location filename="../plugin/processing/base.py" line="31" />
            <source>Validation</source>
            <translation>Validation</translation>
        </message>
        <message>
            <location filename="../plugin/processing/base.py" line="32" />
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <location filename="../plugin/processing/base.py" line="33" />
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <location filename="../plugin/processing/base.py" line="34" />
            <source>Orientation</source>
            <translation>Orientation</translation>
        </message>
        <message>
            <location filename="../plugin/processing/base.py" line="161" />
            <source>Incorrect parameter value for {name}</source>
            <translation>Valeur de paramètre incorrecte pour {name}</translation>
        </message>
        <message>
            <location filename="../plugin/processing/base.py" line="35" />
            <source>Coverage</source>
            <translation>Couverture</translation>
        </message>
    </context>
    <context>
        <name>MednumProvider</name>
        <message>
            <location filename="../plugin/processing/provider.py" line="88" />
            <source>Lieux de médiation numérique</source>
            <translation>Lieux de médiation numérique</translation>
        </message>
        <message>
            <location filename="../plugin/processing/provider.py" line="62" />
            <source>{name} (Python dependencies missing)</source>
            <translation>{name} (dépendances Python manquantes)</translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <location filename="plugin/gui/merge_dialog.py" line="225" />
            <source>(empty)</source>
            <translation>(vide)</translation>
        </message>
        <message>
            <location filename="plugin/gui/merge_dialog.py" line="53" />
            <source>Merge two lieux</source>
            <translation>Fusionner deux lieux</translation>
        </message>
        <message>
            <location filename="plugin/gui/merge_dialog.py" line="57" />
            <source>Choose the lieu to keep, then for each field that differs the value to keep (the most recent one is selected). The other lieu is deleted; its full record stays in the merge journal of the GeoPackage. Ctrl+Z undoes the merge until you save.</source>
            <translation>Choisissez le lieu à conserver, puis, pour chaque champ qui diffère, la valeur à garder (la plus récente est présélectionnée). L'autre lieu est supprimé ; son enregistrement complet reste dans le journal des fusions du GeoPackage. Ctrl+Z annule la fusion tant que vous n'avez pas enregistré.</translation>
        </message>
        <message>
            <location filename="plugin/gui/merge_dialog.py" line="82" />
            <source>Show only the fields that differ</source>
            <translation>Afficher uniquement les champs qui diffèrent</translation>
        </message>
        <message>
            <location filename="plugin/gui/merge_dialog.py" line="102" />
            <source>Merge</source>
            <translation>Fusionner</translation>
        </message>
        <message>
            <location filename="plugin/gui/merge_dialog.py" line="69" />
            <source>Lieu to keep</source>
            <translation>Lieu à conserver</translation>
        </message>
        <message>
            <location filename="plugin/gui/merge_dialog.py" line="76" />
            <source>id: {id}</source>
            <translation>id : {id}</translation>
        </message>
        <message>
            <location filename="plugin/gui/merge_dialog.py" line="145" />
            <source>both (union of the two lists)</source>
            <translation>les deux (union des deux listes)</translation>
        </message>
        <message>
            <location filename="plugin/gui/merge_dialog.py" line="75" />
            <source>{lieu} — updated {date}</source>
            <translation>{lieu} — màj du {date}</translation>
        </message>
    </context>
    <context>
        <name>MultiSelectWidget</name>
        <message>
            <location filename="../plugin/gui/multi_select_widget.py" line="56" />
            <source>Search…</source>
            <translation>Rechercher…</translation>
        </message>
        <message>
            <location filename="../plugin/gui/multi_select_widget.py" line="71" />
            <source>Check all</source>
            <translation>Tout cocher</translation>
        </message>
        <message>
            <location filename="../plugin/gui/multi_select_widget.py" line="73" />
            <source>Uncheck all</source>
            <translation>Tout décocher</translation>
        </message>
        <message>
            <location filename="../plugin/gui/multi_select_widget.py" line="137" />
            <source>{value} (not in the list of the standard)</source>
            <translation>{value} (absent de la liste du standard)</translation>
        </message>
        <message>
            <location filename="../plugin/gui/multi_select_widget.py" line="192" />
            <source>{n} checked</source>
            <translation>{n} coché(s)</translation>
        </message>
    </context>
    <context>
        <name>OpeningHoursDialog</name>
        <message>
            <location filename="../plugin/gui/opening_hours_dialog.py" line="43" />
            <source>Opening hours</source>
            <translation>Horaires d'ouverture</translation>
        </message>
        <message>
            <location filename="../plugin/gui/opening_hours_dialog.py" line="49" />
            <source>The current opening hours use rules the grid cannot show ({text}). They are kept unless you change the grid.</source>
            <translation>Les horaires actuels utilisent des règles que la grille ne peut pas représenter ({text}). Ils sont conservés tant que vous ne modifiez pas la grille.</translation>
        </message>
        <message>
            <location filename="../plugin/gui/opening_hours_dialog.py" line="60" />
            <source>Open</source>
            <translation>Ouvert</translation>
        </message>
        <message>
            <location filename="../plugin/gui/opening_hours_dialog.py" line="61" />
            <source>Morning / first span</source>
            <translation>Matin / première plage</translation>
        </message>
        <message>
            <location filename="../plugin/gui/opening_hours_dialog.py" line="62" />
            <source>Afternoon / second span</source>
            <translation>Après-midi / deuxième plage</translation>
        </message>
        <message>
            <location filename="../plugin/gui/opening_hours_dialog.py" line="134" />
            <source>Closed every day</source>
            <translation>Fermé tous les jours</translation>
        </message>
    </context>
    <context>
        <name>OrientAlgorithm</name>
        <message>
            <location filename="plugin/processing/orient.py" line="80" />
            <source>Find lieux for a need (orientation)</source>
            <translation>Trouver les lieux pour un besoin (orientation)</translation>
        </message>
        <message>
            <location filename="plugin/processing/orient.py" line="83" />
            <source>orientation,filter,services,publics,opening hours,distance,lieux,mednum</source>
            <translation>orientation,filtre,filtrer,filter,services,publics,horaires,opening hours,distance,lieux,mednum</translation>
        </message>
        <message>
            <location filename="plugin/processing/orient.py" line="103" />
            <source>Lieux</source>
            <translation>Lieux</translation>
        </message>
        <message>
            <location filename="plugin/processing/orient.py" line="118" />
            <source>Services mode (any: at least one service, all: every service)</source>
            <translation>Mode des services (any : au moins un service, all : tous les services)</translation>
        </message>
        <message>
            <location filename="plugin/processing/orient.py" line="125" />
            <source>Open at (ISO date and time, or now)</source>
            <translation>Ouvert le (date et heure ISO, ou now)</translation>
        </message>
        <message>
            <location filename="plugin/processing/orient.py" line="129" />
            <source>Include lieux with unknown hours</source>
            <translation>Inclure les lieux aux horaires inconnus</translation>
        </message>
        <message>
            <location filename="plugin/processing/orient.py" line="132" />
            <source>Around a point</source>
            <translation>Autour d'un point</translation>
        </message>
        <message>
            <location filename="plugin/processing/orient.py" line="136" />
            <source>Radius (km)</source>
            <translation>Rayon (km)</translation>
        </message>
        <message>
            <location filename="plugin/processing/orient.py" line="143" />
            <source>Matching lieux</source>
            <translation>Lieux correspondants</translation>
        </message>
        <message>
            <location filename="plugin/processing/orient.py" line="145" />
            <source>Number of matching lieux</source>
            <translation>Nombre de lieux correspondants</translation>
        </message>
        <message>
            <location filename="plugin/processing/orient.py" line="167" />
            <source>point</source>
            <translation>point</translation>
        </message>
        <message>
            <location filename="plugin/processing/orient.py" line="169" />
            <source>A radius needs a point: give POINT too.</source>
            <translation>Un rayon nécessite un point : indiquez aussi POINT.</translation>
        </message>
        <message>
            <location filename="plugin/processing/orient.py" line="201" />
            <source>{count} lieux out of {total} match.</source>
            <translation>{count} lieux sur {total} correspondent.</translation>
        </message>
        <message>
            <location filename="plugin/processing/orient.py" line="204" />
            <source>{count} lieux have missing, invalid or unknown hours at that moment ({kept}).</source>
            <translation>{count} lieux ont des horaires absents, non valides ou inconnus à ce moment ({kept}).</translation>
        </message>
        <message>
            <location filename="plugin/processing/orient.py" line="111" />
            <source>{title} (values separated by |)</source>
            <translation>{title} (valeurs séparées par |)</translation>
        </message>
        <message>
            <location filename="plugin/processing/orient.py" line="193" />
            <source>{parameter}: unknown value(s) {values}; allowed: {allowed}</source>
            <translation>{parameter} : valeur(s) inconnue(s) {values} ; valeurs autorisées : {allowed}</translation>
        </message>
        <message>
            <location filename="plugin/processing/orient.py" line="206" />
            <source>kept</source>
            <translation>conservés</translation>
        </message>
        <message>
            <location filename="plugin/processing/orient.py" line="206" />
            <source>left out</source>
            <translation>écartés</translation>
        </message>
        <message>
            <location filename="plugin/processing/orient.py" line="97" />
            <source>&lt;p&gt;The lieux that answer a need, as in the Orientation dock: services, publics, specific support, fees, ways of access and of support, national programmes, typologie and itinerance.&lt;/p&gt;&lt;p&gt;Each filter is a list of values of the standard separated by &lt;code&gt;|&lt;/code&gt; (empty = no filter). A lieu matches a filter when it has at least one of the values, and must match every filter; with &lt;i&gt;Services mode&lt;/i&gt; = all, it must offer every listed service.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Open at&lt;/b&gt;: an ISO date and time such as &lt;code&gt;2024-07-16T10:00&lt;/code&gt; (the time where each lieu is; public holidays, nights and week numbers of the OSM hours are taken into account) or &lt;code&gt;now&lt;/code&gt;. Lieux whose hours are missing or not in the OSM format are left out unless &lt;i&gt;Include lieux with unknown hours&lt;/i&gt; is ticked.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Around a point&lt;/b&gt;: the lieux are ranked by distance, with the field &lt;code&gt;distance_km&lt;/code&gt;, and with a radius only those within it are kept. Without a point they are ranked by name.&lt;/p&gt;&lt;p&gt;The output holds the lieux in rank order, with their rank in the field &lt;code&gt;rang&lt;/code&gt; (1 = the first).&lt;/p&gt;</source>
            <translation>&lt;p&gt;Les lieux qui répondent à un besoin, comme dans le panneau Orientation : services, publics, accompagnements spécifiques, frais, modalités d'accès et d'accompagnement, dispositifs nationaux, typologie et itinérance.&lt;/p&gt;&lt;p&gt;Chaque filtre est une liste de valeurs du standard séparées par &lt;code&gt;|&lt;/code&gt; (vide = pas de filtre). Un lieu satisfait un filtre s'il a au moins une des valeurs, et il doit satisfaire tous les filtres ; avec &lt;i&gt;Mode des services&lt;/i&gt; = all, il doit proposer tous les services listés.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Ouvert le&lt;/b&gt; : une date et une heure ISO comme &lt;code&gt;2024-07-16T10:00&lt;/code&gt; (heure locale de chaque lieu ; les jours fériés, les nuits et les numéros de semaine des horaires OSM sont pris en compte) ou &lt;code&gt;now&lt;/code&gt;. Les lieux dont les horaires sont absents ou hors du format OSM sont écartés, sauf si &lt;i&gt;Inclure les lieux aux horaires inconnus&lt;/i&gt; est coché.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Autour d'un point&lt;/b&gt; : les lieux sont classés par distance, avec le champ &lt;code&gt;distance_km&lt;/code&gt;, et avec un rayon seuls ceux qui s'y trouvent sont gardés. Sans point, ils sont classés par nom.&lt;/p&gt;&lt;p&gt;La sortie contient les lieux dans l'ordre du classement, avec leur rang dans le champ &lt;code&gt;rang&lt;/code&gt; (1 = le premier).&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>Orientation</name>
        <message>
            <location filename="../plugin/core/orientation/query.py" line="37" />
            <source>The point {lat}, {lon} is not a WGS84 latitude/longitude.</source>
            <translation>Le point {lat}, {lon} n'est pas une latitude/longitude WGS84.</translation>
        </message>
        <message>
            <location filename="../plugin/core/orientation/query.py" line="43" />
            <source>The radius must be a positive number of kilometres.</source>
            <translation>Le rayon doit être un nombre positif de kilomètres.</translation>
        </message>
        <message>
            <location filename="../plugin/core/orientation/query.py" line="68" />
            <source>Unknown filter group: {group}.</source>
            <translation>Groupe de filtres inconnu : {group}.</translation>
        </message>
        <message>
            <location filename="../plugin/core/orientation/query.py" line="74" />
            <source>The services mode must be 'any' or 'all', not '{mode}'.</source>
            <translation>Le mode des services doit être « any » ou « all », et non « {mode} ».</translation>
        </message>
        <message>
            <location filename="../plugin/core/orientation/query.py" line="170" />
            <source>This saved filter cannot be read: {error}</source>
            <translation>Ce filtre enregistré ne peut pas être lu : {error}</translation>
        </message>
        <message>
            <location filename="../plugin/core/orientation/query.py" line="174" />
            <source>This saved filter cannot be read: not an object.</source>
            <translation>Ce filtre enregistré ne peut pas être lu : ce n'est pas un objet.</translation>
        </message>
        <message>
            <location filename="../plugin/core/orientation/query.py" line="186" />
            <source>'{value}' is not an ISO date and time such as 2024-07-15T10:00.</source>
            <translation>« {value} » n'est pas une date et une heure ISO, comme 2024-07-15T10:00.</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/orientation_tasks.py" line="39" />
            <source>Indexing the lieux of {layer}</source>
            <translation>Indexation des lieux de {layer}</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/orientation_tasks.py" line="55" />
            <source>The layer {layer} cannot be read.</source>
            <translation>La couche {layer} ne peut pas être lue.</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/orientation_tasks.py" line="74" />
            <source>The lieux could not be read.</source>
            <translation>Les lieux n'ont pas pu être lus.</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/orientation_tasks.py" line="81" />
            <source>Searching the address « {text} »</source>
            <translation>Recherche de l'adresse « {text} »</translation>
        </message>
    </context>
    <context>
        <name>OrientationCard</name>
        <message>
            <location filename="../plugin/core/orientation/cards.py" line="51" />
            <source>{metres} m</source>
            <translation>{metres} m</translation>
        </message>
        <message>
            <location filename="../plugin/core/orientation/cards.py" line="53" />
            <source>{km} km</source>
            <translation>{km} km</translation>
        </message>
        <message>
            <location filename="../plugin/core/orientation/cards.py" line="65" />
            <source>(no name)</source>
            <translation>(sans nom)</translation>
        </message>
        <message>
            <location filename="../plugin/core/orientation/cards.py" line="85" />
            <source>Hours:</source>
            <translation>Horaires :</translation>
        </message>
        <message>
            <location filename="../plugin/core/orientation/cards.py" line="108" />
            <source>No lieu matches these filters.</source>
            <translation>Aucun lieu ne correspond à ces filtres.</translation>
        </message>
        <message>
            <location filename="../plugin/core/orientation/cards.py" line="111" />
            <source>Show more ({shown} of {total})</source>
            <translation>Afficher plus ({shown} sur {total})</translation>
        </message>
        <message>
            <location filename="plugin/core/orientation/cards.py" line="82" />
            <source>Phone:</source>
            <translation>Téléphone :</translation>
        </message>
        <message>
            <location filename="plugin/core/orientation/cards.py" line="90" />
            <source>Book an appointment</source>
            <translation>Prendre rendez-vous</translation>
        </message>
        <message>
            <location filename="plugin/core/orientation/cards.py" line="77" />
            <source>Services:</source>
            <translation>Services :</translation>
        </message>
        <message>
            <location filename="plugin/core/orientation/cards.py" line="94" />
            <source>Website</source>
            <translation>Site web</translation>
        </message>
    </context>
    <context>
        <name>OrientationDock</name>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="809" />
            <source>point clicked on the map</source>
            <translation>point cliqué sur la carte</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="182" />
            <source>Orientation</source>
            <translation>Orientation</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="232" />
            <source>The layer of lieux to filter</source>
            <translation>La couche de lieux à filtrer</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="234" />
            <source>Show all</source>
            <translation>Tout afficher</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="236" />
            <source>Remove every filter and show all the lieux</source>
            <translation>Retirer tous les filtres et afficher tous les lieux</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="251" />
            <source>Filters saved with the project</source>
            <translation>Filtres enregistrés avec le projet</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="256" />
            <source>Save the current filter as a preset of the project…</source>
            <translation>Enregistrer le filtre actuel comme préréglage du projet…</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="261" />
            <source>Delete the chosen preset</source>
            <translation>Supprimer le préréglage choisi</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="268" />
            <source>Needs</source>
            <translation>Besoins</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="269" />
            <source>Place and time</source>
            <translation>Où et quand</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="274" />
            <source>Results</source>
            <translation>Résultats</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="279" />
            <source>Colour by service</source>
            <translation>Couleur par service</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="281" />
            <source>One colour per service (a ring per service of the lieu)</source>
            <translation>Une couleur par service (un anneau par service du lieu)</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="285" />
            <source>Colours…</source>
            <translation>Couleurs…</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="286" />
            <source>Choose the colour of each service (saved with the project)</source>
            <translation>Choisir la couleur de chaque service (enregistrée avec le projet)</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="290" />
            <source>Export…</source>
            <translation>Exporter…</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="292" />
            <source>Export the filtered lieux to a conformant file</source>
            <translation>Exporter les lieux filtrés dans un fichier conforme</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="312" />
            <source>any of them</source>
            <translation>au moins un</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="313" />
            <source>all of them</source>
            <translation>tous</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="326" />
            <source>Open on…</source>
            <translation>Ouvert…</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="333" />
            <source>now</source>
            <translation>maintenant</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="335" />
            <source>on</source>
            <translation>le</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="344" />
            <source>Also show the lieux whose hours are unknown</source>
            <translation>Afficher aussi les lieux aux horaires inconnus</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="358" />
            <source>Around…</source>
            <translation>Autour de…</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="368" />
            <source>Commune, postal code, INSEE code or address</source>
            <translation>Commune, code postal, code INSEE ou adresse</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="374" />
            <source>Search this place</source>
            <translation>Rechercher cet endroit</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="380" />
            <source>Click a point on the map</source>
            <translation>Choisir un point sur la carte</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="392" />
            <source>No place chosen yet.</source>
            <translation>Aucun endroit choisi pour l'instant.</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="403" />
            <source>no limit (rank only)</source>
            <translation>sans limite (tri seulement)</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="405" />
            <source>Radius:</source>
            <translation>Rayon :</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="468" />
            <source>Reading the lieux…</source>
            <translation>Lecture des lieux…</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="756" />
            <source>Searching the address online (Base Adresse Nationale)…</source>
            <translation>Recherche de l'adresse en ligne (Base Adresse Nationale)…</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="785" />
            <source>Several places match: choose one.</source>
            <translation>Plusieurs endroits correspondent : choisissez-en un.</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="818" />
            <source>— choose a saved filter —</source>
            <translation>— choisir un filtre enregistré —</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="832" />
            <source>Save the filter</source>
            <translation>Enregistrer le filtre</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="832" />
            <source>Name of the preset:</source>
            <translation>Nom du préréglage :</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="942" />
            <source>Colours of the services</source>
            <translation>Couleurs des services</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="989" />
            <source>Orientation: filter the lieux…</source>
            <translation>Orientation : filtrer les lieux…</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="100" />
            <source>Search in this list…</source>
            <translation>Rechercher dans cette liste…</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="248" />
            <source>Preset:</source>
            <translation>Préréglage :</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="994" />
            <source>Filter the lieux by services, publics, opening hours and distance</source>
            <translation>Filtrer les lieux par services, publics, horaires d'ouverture et distance</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="455" />
            <source>Choose a layer of lieux (a working layer, or any layer with the fields of the standard).</source>
            <translation>Choisissez une couche de lieux (une couche de travail, ou toute couche qui a les champs du standard).</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="457" />
            <source>This layer does not hold lieux of the standard (no field “nom” and “services”…).</source>
            <translation>Cette couche ne contient pas de lieux du standard (pas de champ « nom » ni « services »…).</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="653" />
            <source>&lt;b&gt;{total}&lt;/b&gt; lieux, no filter.</source>
            <translation>&lt;b&gt;{total}&lt;/b&gt; lieux, aucun filtre.</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="655" />
            <source>&lt;b&gt;{count}&lt;/b&gt; lieux out of {total} match.</source>
            <translation>&lt;b&gt;{count}&lt;/b&gt; lieux sur {total} correspondent.</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="657" />
            <source>The map will show this filter when the layer leaves edit mode.</source>
            <translation>La carte appliquera ce filtre lorsque la couche quittera le mode édition.</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="659" />
            <source>Results ({count})</source>
            <translation>Résultats ({count})</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="668" />
            <source>Also show the {count} lieux whose hours are unknown</source>
            <translation>Afficher aussi les {count} lieux aux horaires inconnus</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="671" />
            <source>Open: {open} · closed: {closed} · unknown: {unknown} ({missing} not given, {invalid} not in the OSM format, {maybe} marked unknown)</source>
            <translation>Ouverts : {open} · fermés : {closed} · inconnus : {unknown} (non renseignés : {missing}, hors format OSM : {invalid}, marqués inconnus : {maybe})</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="127" />
            <source>{value} (not in the standard)</source>
            <translation>{value} (hors standard)</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="428" />
            <source>Lieux offering:</source>
            <translation>Lieux proposant :</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="685" />
            <source>{count} more lieux beyond the radius</source>
            <translation>{count} lieux de plus au-delà du rayon</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="687" />
            <source>{count} without coordinates</source>
            <translation>{count} sans coordonnées</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="733" />
            <source>Around: {label} ({lat:.5f}, {lon:.5f})</source>
            <translation>Autour de {label} ({lat:.5f}, {lon:.5f})</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="771" />
            <source>No place found for « {text} ».</source>
            <translation>Aucun endroit trouvé pour « {text} ».</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="838" />
            <source>Replace the preset « {name} »?</source>
            <translation>Remplacer le préréglage « {name} » ?</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_dock.py" line="505" />
            <source>The lieux could not be read: {error}</source>
            <translation>Les lieux n'ont pas pu être lus : {error}</translation>
        </message>
    </context>
    <context>
        <name>OrientationExport</name>
        <message>
            <location filename="../plugin/gui/orientation_export.py" line="78" />
            <source>Export to {name}</source>
            <translation>Export vers {name}</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_export.py" line="69" />
            <source>Export the filtered lieux</source>
            <translation>Exporter les lieux filtrés</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_export.py" line="61" />
            <source>CSV (*.csv);;JSON (*.json);;GeoJSON (*.geojson)</source>
            <translation>CSV (*.csv);;JSON (*.json);;GeoJSON (*.geojson)</translation>
        </message>
        <message>
            <location filename="plugin/gui/orientation_export.py" line="52" />
            <source>The layer has unsaved edits: the export holds the lieux as last saved.</source>
            <translation>La couche comporte des modifications non enregistrées : l'export reprend les lieux dans leur dernier état enregistré.</translation>
        </message>
    </context>
    <context>
        <name>Pagination</name>
        <message>
            <location filename="../plugin/api/pagination.py" line="36" />
            <source>{source}: the answer of {path} does not have the expected form ({expected}).</source>
            <translation>{source} : la réponse de {path} n'a pas la forme attendue ({expected}).</translation>
        </message>
        <message>
            <location filename="../plugin/api/pagination.py" line="44" />
            <source>{source}: the pages of {path} do not add up: {got} items received for {total} announced. The data changed during the download or a page was truncated; nothing was imported, try again.</source>
            <translation>{source} : les pages de {path} ne concordent pas : {got} éléments reçus pour {total} annoncés. Les données ont changé pendant le téléchargement ou une page a été tronquée ; rien n'a été importé, réessayez.</translation>
        </message>
        <message>
            <location filename="../plugin/api/pagination.py" line="54" />
            <source>{source}: page {number} of {path} is truncated ({got} items instead of {expected}); nothing was imported, try again.</source>
            <translation>{source} : la page {number} de {path} est tronquée ({got} éléments au lieu de {expected}) ; rien n'a été importé, réessayez.</translation>
        </message>
        <message>
            <location filename="../plugin/api/pagination.py" line="113" />
            <source>{source}: the next page points to another host; refused.</source>
            <translation>{source} : la page suivante pointe vers un autre hôte ; refusé.</translation>
        </message>
    </context>
    <context>
        <name>PlgSettings</name>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="34" />
            <source>Debug mode</source>
            <translation>Mode débogage</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="34" />
            <source>Write detailed messages to the plugin's tab of the QGIS log.</source>
            <translation>Écrire des messages détaillés dans l'onglet de l'extension du journal de QGIS.</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="42" />
            <source>Default source</source>
            <translation>Source par défaut</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="42" />
            <source>Value of the 'source' field given to new lieux (e.g. the name of your Hub).</source>
            <translation>Valeur du champ « source » donnée aux nouveaux lieux (par exemple le nom de votre Hub).</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="52" />
            <source>Producer identifier (exports)</source>
            <translation>Identifiant du producteur (exports)</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="52" />
            <source>SIREN of the structure that publishes the data, used in the suggested export name.</source>
            <translation>SIREN de la structure qui publie les données, utilisé dans le nom d'export proposé.</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="61" />
            <source>Territory (exports)</source>
            <translation>Territoire (exports)</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="73" />
            <source>Address search service (BAN)</source>
            <translation>Service de recherche d'adresses (BAN)</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="85" />
            <source>Validation: update date too old after (days)</source>
            <translation>Validation : date de mise à jour trop ancienne après (jours)</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="85" />
            <source>A lieu whose date_maj is older than this gets the warning date-old (default 2 years).</source>
            <translation>Un lieu dont la date_maj est plus ancienne reçoit l'avertissement date-old (2 ans par défaut).</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="94" />
            <source>Validation: maximum distance from the commune's centre (km)</source>
            <translation>Validation : distance maximale au centre de la commune (km)</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="107" />
            <source>Validation: match column names regardless of case</source>
            <translation>Validation : reconnaître les noms de colonnes sans tenir compte de la casse</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="107" />
            <source>Read a column 'Nom' as the field 'nom' (Validata's option).</source>
            <translation>Lire une colonne « Nom » comme le champ « nom » (option de Validata).</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="116" />
            <source>data·inclusion API address</source>
            <translation>Adresse de l'API data·inclusion</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="116" />
            <source>Empty: https://api.data.inclusion.gouv.fr/api/v1</source>
            <translation>Si vide : https://api.data.inclusion.gouv.fr/api/v1</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="123" />
            <source>data·inclusion authentication (QGIS authcfg id)</source>
            <translation>Authentification data·inclusion (identifiant authcfg QGIS)</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="153" />
            <source>Id of the QGIS authentication configuration holding the token.</source>
            <translation>Identifiant de la configuration d'authentification QGIS qui contient le jeton.</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="131" />
            <source>DORA API address</source>
            <translation>Adresse de l'API DORA</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="131" />
            <source>Empty: https://api.dora.inclusion.gouv.fr/api/v2</source>
            <translation>Si vide : https://api.dora.inclusion.gouv.fr/api/v2</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="138" />
            <source>DORA authentication (QGIS authcfg id)</source>
            <translation>Authentification DORA (identifiant authcfg QGIS)</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="146" />
            <source>Cartographie nationale API address (reading)</source>
            <translation>Adresse de l'API de la Cartographie nationale (lecture)</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="146" />
            <source>Empty: https://api.inclusion-numerique.anct.gouv.fr</source>
            <translation>Si vide : https://api.inclusion-numerique.anct.gouv.fr</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="153" />
            <source>Cartographie nationale authentication (QGIS authcfg id)</source>
            <translation>Authentification Cartographie nationale (identifiant authcfg QGIS)</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="161" />
            <source>Cartographie nationale API address (push)</source>
            <translation>Adresse de l'API de la Cartographie nationale (envoi)</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="161" />
            <source>Empty: https://cartographie.societenumerique.gouv.fr/api/v0</source>
            <translation>Si vide : https://cartographie.societenumerique.gouv.fr/api/v0</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="168" />
            <source>Cartographie nationale push key (QGIS authcfg id)</source>
            <translation>Clé d'envoi Cartographie nationale (identifiant authcfg QGIS)</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="168" />
            <source>Id of the QGIS authentication configuration holding the x-api-key.</source>
            <translation>Identifiant de la configuration d'authentification QGIS qui contient la clé x-api-key.</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="176" />
            <source>API timeout (seconds)</source>
            <translation>Délai d'attente des API (secondes)</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="176" />
            <source>Time allowed for each request to an API.</source>
            <translation>Temps accordé à chaque requête vers une API.</translation>
        </message>
        <message>
            <location filename="plugin/toolbelt/settings.py" line="73" />
            <source>Base URL of the Base Adresse Nationale geocoder used by the Orientation dock to find an address.</source>
            <translation>URL de base du géocodeur de la Base Adresse Nationale, utilisé par le panneau Orientation pour trouver une adresse.</translation>
        </message>
        <message>
            <location filename="plugin/toolbelt/settings.py" line="94" />
            <source>A point farther than this from the centre of its commune gets the warning coordinates-far-from-commune (150 km in Guyane).</source>
            <translation>Un point plus éloigné du centre de sa commune reçoit l'avertissement coordinates-far-from-commune (150 km en Guyane).</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="205" />
            <source>Duplicates: same pivot within (m)</source>
            <translation>Doublons : même pivot à moins de (m)</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="205" />
            <source>Two lieux with the same pivot closer than this are probable duplicates.</source>
            <translation>Deux lieux de même pivot plus proches que cette distance sont des doublons probables.</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="212" />
            <source>Duplicates: same name and address within (m)</source>
            <translation>Doublons : même nom et même adresse à moins de (m)</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="212" />
            <source>Two lieux with the same name and address closer than this are probable duplicates.</source>
            <translation>Deux lieux de même nom et de même adresse plus proches que cette distance sont des doublons probables.</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="221" />
            <source>Duplicates: same name within (m)</source>
            <translation>Doublons : même nom à moins de (m)</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="221" />
            <source>Two lieux with the same name closer than this are probable duplicates.</source>
            <translation>Deux lieux de même nom plus proches que cette distance sont des doublons probables.</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="228" />
            <source>Duplicates: name similarity (0–100)</source>
            <translation>Doublons : similarité des noms (0–100)</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="228" />
            <source>Names count as the same from this similarity score on (rapidfuzz ratio of the names without case, accents or punctuation; 100 = identical).</source>
            <translation>Deux noms sont considérés comme identiques à partir de ce score de similarité (ratio rapidfuzz des noms sans casse, accents ni ponctuation ; 100 = identiques).</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="239" />
            <source>Duplicates: address similarity (0–100)</source>
            <translation>Doublons : similarité des adresses (0–100)</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="239" />
            <source>Addresses count as the same from this similarity score on (house numbers must be equal).</source>
            <translation>Deux adresses sont considérées comme identiques à partir de ce score de similarité (les numéros dans la voie doivent être égaux).</translation>
        </message>
        <message>
            <location filename="plugin/toolbelt/settings.py" line="62" />
            <source>Territory covered, used in the suggested export name (empty: the commune, département or région all the lieux share).</source>
            <translation>Territoire couvert, utilisé dans le nom d'export proposé (vide : la commune, le département ou la région communs à tous les lieux).</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="183" />
            <source>API: total time per request (seconds)</source>
            <translation>API : durée totale par requête (secondes)</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="194" />
            <source>API: largest answer (MB)</source>
            <translation>API : plus grande réponse (Mo)</translation>
        </message>
        <message>
            <location filename="../plugin/toolbelt/settings.py" line="194" />
            <source>An answer larger than this is refused before it fills the memory (a page of a pull).</source>
            <translation>Une réponse plus grande est refusée avant de remplir la mémoire (une page d'une récupération).</translation>
        </message>
        <message>
            <location filename="plugin/toolbelt/settings.py" line="181" />
            <source>Longest time one request may take in all, retries included, even when the server keeps sending a little (a page of a pull, a push batch).</source>
            <translation>Durée maximale d'une requête en tout, nouvelles tentatives comprises, même quand le serveur continue d'envoyer un peu (une page d'une récupération, un lot d'envoi).</translation>
        </message>
    </context>
    <context>
        <name>ProducerReport</name>
        <message>
            <location filename="../plugin/core/producer_report.py" line="118" />
            <source>Choose a report file ending in .html or .csv (not “{name}”).</source>
            <translation>Choisissez un fichier de rapport se terminant par .html ou .csv (et non « {name} »).</translation>
        </message>
        <message>
            <location filename="../plugin/core/producer_report.py" line="125" />
            <source>Issues to correct in the lieux de médiation numérique</source>
            <translation>Anomalies à corriger dans les lieux de médiation numérique</translation>
        </message>
        <message>
            <location filename="../plugin/core/producer_report.py" line="135" />
            <source>Cannot write {path}: {reason}</source>
            <translation>Impossible d'écrire {path} : {reason}</translation>
        </message>
    </context>
    <context>
        <name>PullConflictsDialog</name>
        <message>
            <location filename="plugin/gui/pull_conflicts_dialog.py" line="47" />
            <source>Pull: lieux edited on both sides</source>
            <translation>Récupération : lieux modifiés des deux côtés</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_conflicts_dialog.py" line="69" />
            <source>Keep my version</source>
            <translation>Garder ma version</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_conflicts_dialog.py" line="70" />
            <source>Take the remote version</source>
            <translation>Prendre la version distante</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_conflicts_dialog.py" line="93" />
            <source>Keep my version for all</source>
            <translation>Garder ma version pour tous</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_conflicts_dialog.py" line="94" />
            <source>Take the remote version for all</source>
            <translation>Prendre la version distante pour tous</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_conflicts_dialog.py" line="100" />
            <source>Apply the merge</source>
            <translation>Appliquer la fusion</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_conflicts_dialog.py" line="101" />
            <source>Cancel the merge</source>
            <translation>Annuler la fusion</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_conflicts_dialog.py" line="123" />
            <source>remote</source>
            <translation>distante</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_conflicts_dialog.py" line="123" />
            <source>mine</source>
            <translation>la mienne</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_conflicts_dialog.py" line="77" />
            <source>Field</source>
            <translation>Champ</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_conflicts_dialog.py" line="77" />
            <source>My version</source>
            <translation>Ma version</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_conflicts_dialog.py" line="77" />
            <source>Remote version</source>
            <translation>Version distante</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_conflicts_dialog.py" line="50" />
            <source>{n} lieux were edited here and changed in {source} since. For each one, keep your version or take the remote one; nothing is changed until you click « Apply the merge ».</source>
            <translation>{n} lieux ont été modifiés ici et changés depuis dans {source}. Pour chacun, gardez votre version ou prenez la version distante ; rien n'est modifié avant un clic sur « Appliquer la fusion ».</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_conflicts_dialog.py" line="125" />
            <source>id: {id} — {n} fields differ</source>
            <translation>id : {id} — {n} champs diffèrent</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_conflicts_dialog.py" line="137" />
            <source>&lt;b&gt;{nom}&lt;/b&gt; — id {id} — {n} fields differ</source>
            <translation>&lt;b&gt;{nom}&lt;/b&gt; — id {id} — {n} champs diffèrent</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_conflicts_dialog.py" line="145" />
            <source>(empty)</source>
            <translation>(vide)</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_conflicts_dialog.py" line="149" />
            <source>Keep it deleted</source>
            <translation>Le garder supprimé</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_conflicts_dialog.py" line="150" />
            <source>Take the remote version (add it back)</source>
            <translation>Prendre la version distante (le rajouter)</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_conflicts_dialog.py" line="129" />
            <source>id: {id} — deleted here, changed at the source</source>
            <translation>id : {id} — supprimé ici, modifié à la source</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_conflicts_dialog.py" line="146" />
            <source>&lt;b&gt;{nom}&lt;/b&gt; — id {id} — deleted here, changed at the source since: keep it deleted, or take the remote version to add it back</source>
            <translation>&lt;b&gt;{nom}&lt;/b&gt; — id {id} — supprimé ici, modifié à la source depuis : le garder supprimé, ou prendre la version distante pour le rajouter</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_conflicts_dialog.py" line="163" />
            <source>(deleted here)</source>
            <translation>(supprimé ici)</translation>
        </message>
    </context>
    <context>
        <name>PullDialog</name>
        <message>
            <location filename="plugin/gui/pull_dialog.py" line="57" />
            <source>Pull lieux from an API</source>
            <translation>Récupérer des lieux d'une API</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_dialog.py" line="61" />
            <source>What to pull</source>
            <translation>Quoi récupérer</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_dialog.py" line="66" />
            <source>data·inclusion: structures with numérique services (API v1); DORA: structures and services (API v2), filtered here by territory; Cartographie nationale: the lieux de médiation numérique already merged.</source>
            <translation>data·inclusion : structures ayant des services numériques (API v1) ; DORA : structures et services (API v2), filtrés ici par territoire ; Cartographie nationale : les lieux de médiation numérique déjà consolidés.</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_dialog.py" line="69" />
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_dialog.py" line="72" />
            <source>Département, EPCI or commune: a name or a code</source>
            <translation>Département, EPCI ou commune : un nom ou un code</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_dialog.py" line="80" />
            <source>Territory</source>
            <translation>Territoire</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_dialog.py" line="86" />
            <source>Where to put the lieux</source>
            <translation>Où mettre les lieux</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_dialog.py" line="89" />
            <source>Into a new working GeoPackage (added to the project)</source>
            <translation>Dans un nouveau GeoPackage de travail (ajouté au projet)</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_dialog.py" line="92" />
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_dialog.py" line="93" />
            <source>Working GeoPackage to create</source>
            <translation>GeoPackage de travail à créer</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_dialog.py" line="94" />
            <source>Merged into a working layer of the project</source>
            <translation>Fusionnés dans une couche de travail du projet</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_dialog.py" line="96" />
            <source>Lieux are matched by id, then by SIRET/RNA (pivot) within 100 m. A lieu you edited (unsaved, or changed since the last pull) is never overwritten without asking: you choose, lieu by lieu. The merge is one edit (Ctrl+Z undoes it) and is kept when you save the layer.</source>
            <translation>Les lieux sont rapprochés par id, puis par SIRET/RNA (pivot) à moins de 100 m. Un lieu que vous avez modifié (non enregistré, ou changé depuis la dernière récupération) n'est jamais écrasé sans vous demander : vous choisissez, lieu par lieu. La fusion est une seule modification (Ctrl+Z l'annule), gardée quand vous enregistrez la couche.</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_dialog.py" line="114" />
            <source>Pull</source>
            <translation>Récupérer</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_dialog.py" line="115" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_dialog.py" line="150" />
            <source>Type a name or a code, then choose in the list.</source>
            <translation>Tapez un nom ou un code, puis choisissez dans la liste.</translation>
        </message>
        <message>
            <location filename="plugin/gui/pull_dialog.py" line="175" />
            <source>No working layer saved in a GeoPackage in the project.</source>
            <translation>Aucune couche de travail enregistrée dans un GeoPackage dans le projet.</translation>
        </message>
    </context>
    <context>
        <name>PullMerge</name>
        <message>
            <location filename="../plugin/qgis/pull_merge.py" line="107" />
            <source>The layer « {name} » is not a working layer saved in a GeoPackage: a pull can only be merged into one (its sync table lives in the GeoPackage).</source>
            <translation>La couche « {name} » n'est pas une couche de travail enregistrée dans un GeoPackage : une récupération ne peut être fusionnée que dans une telle couche (sa table de synchronisation est dans le GeoPackage).</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/pull_merge.py" line="141" />
            <source>The layer « {name} » cannot be edited.</source>
            <translation>La couche « {name} » ne peut pas être modifiée.</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/pull_merge.py" line="149" />
            <source>{n} lieux to update are no longer in the layer (deleted during the pull?): nothing was changed; pull again.</source>
            <translation>{n} lieux à mettre à jour ne sont plus dans la couche (supprimés pendant la récupération ?) : rien n'a été modifié ; relancez la récupération.</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/pull_merge.py" line="165" />
            <source>The pulled lieux could not be added to the layer.</source>
            <translation>Les lieux récupérés n'ont pas pu être ajoutés à la couche.</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/pull_merge.py" line="206" />
            <source>The sync table could not be updated: {error}</source>
            <translation>La table de synchronisation n'a pas pu être mise à jour : {error}</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/pull_merge.py" line="111" />
            <source>The layer « {name} » is filtered: remove its filter before merging a pull into it (the lieux the filter hides would be taken for lieux deleted here).</source>
            <translation>La couche « {name} » est filtrée : retirez son filtre avant d'y fusionner une récupération (les lieux masqués par le filtre seraient pris pour des lieux supprimés ici).</translation>
        </message>
    </context>
    <context>
        <name>Push</name>
        <message>
            <location filename="../plugin/api/push.py" line="110" />
            <source>{accepted} sent and accepted, {rejected} refused, {conflict} held back (changed remotely), {invalid} with validation errors, {pending} still to send, {unchanged} unchanged.</source>
            <translation>Envoyés et acceptés : {accepted}, refusés : {rejected}, retenus (modifiés à distance) : {conflict}, avec erreurs de validation : {invalid}, encore à envoyer : {pending}, inchangés : {unchanged}.</translation>
        </message>
        <message>
            <location filename="../plugin/api/push.py" line="121" />
            <source>Dry run, nothing sent: {n} lieu(x) would be sent. </source>
            <translation>Simulation, rien n'a été envoyé. Lieux qui seraient envoyés : {n}. </translation>
        </message>
        <message>
            <location filename="../plugin/api/push.py" line="301" />
            <source>required value missing</source>
            <translation>valeur obligatoire manquante</translation>
        </message>
        <message>
            <location filename="../plugin/api/push.py" line="306" />
            <source>value(s) not allowed: {values}</source>
            <translation>valeur(s) non autorisée(s) : {values}</translation>
        </message>
        <message>
            <location filename="../plugin/api/push.py" line="309" />
            <source>« {value} » does not match the expected format</source>
            <translation>« {value} » ne respecte pas le format attendu</translation>
        </message>
        <message>
            <location filename="../plugin/api/push.py" line="346" />
            <source>id: a lieu without id cannot be sent</source>
            <translation>id : un lieu sans id ne peut pas être envoyé</translation>
        </message>
        <message>
            <location filename="../plugin/api/push.py" line="350" />
            <source>Not sent: {n} validation error(s).</source>
            <translation>Non envoyé : {n} erreur(s) de validation.</translation>
        </message>
        <message>
            <location filename="../plugin/api/push.py" line="429" />
            <source>Held back: the current version at {source} could not be checked (source not configured).</source>
            <translation>Retenu : la version actuelle chez {source} n'a pas pu être vérifiée (source non configurée).</translation>
        </message>
        <message>
            <location filename="../plugin/api/push.py" line="439" />
            <source>Held back: the lieu no longer exists at {source}.</source>
            <translation>Retenu : le lieu n'existe plus chez {source}.</translation>
        </message>
        <message>
            <location filename="../plugin/api/push.py" line="447" />
            <source>Already up to date at the source.</source>
            <translation>Déjà à jour à la source.</translation>
        </message>
        <message>
            <location filename="../plugin/api/push.py" line="451" />
            <source>Held back: changed at {source} since the pull (remote date_maj {remote}, pulled {pulled}). Compare both versions, then pull again to start from the remote one.</source>
            <translation>Retenu : modifié chez {source} depuis la récupération (date_maj distante {remote}, récupérée {pulled}). Comparez les deux versions, puis récupérez à nouveau les lieux pour repartir de la version distante.</translation>
        </message>
        <message>
            <location filename="../plugin/api/push.py" line="471" />
            <source>Checking the remote versions…</source>
            <translation>Vérification des versions distantes…</translation>
        </message>
        <message>
            <location filename="../plugin/api/push.py" line="477" />
            <source>Not sent: the remote version could not be checked.</source>
            <translation>Non envoyé : la version distante n'a pas pu être vérifiée.</translation>
        </message>
        <message>
            <location filename="../plugin/api/push.py" line="485" />
            <source>Would be sent.</source>
            <translation>Serait envoyé.</translation>
        </message>
        <message>
            <location filename="../plugin/api/push.py" line="517" />
            <source>{sent}/{total} lieux sent</source>
            <translation>Lieux envoyés : {sent}/{total}</translation>
        </message>
        <message>
            <location filename="../plugin/api/push.py" line="521" />
            <source>Not sent yet: the next push will send it.</source>
            <translation>Pas encore envoyé : le prochain envoi s'en chargera.</translation>
        </message>
        <message>
            <location filename="../plugin/api/push.py" line="532" />
            <source>Accepted by {target}.</source>
            <translation>Accepté par {target}.</translation>
        </message>
        <message>
            <location filename="../plugin/api/push.py" line="368" />
            <source>Nothing was sent: {n} lieu(x) changed since the preview ({ids}). Check the new preview, then send again.</source>
            <translation>Rien n'a été envoyé : {n} lieu(x) ont changé depuis l'aperçu ({ids}). Vérifiez le nouvel aperçu, puis envoyez à nouveau.</translation>
        </message>
    </context>
    <context>
        <name>PushDialog</name>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="63" />
            <source>to send</source>
            <translation>à envoyer</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="65" />
            <source>already up to date at the source</source>
            <translation>déjà à jour à la source</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="66" />
            <source>not sent yet</source>
            <translation>pas encore envoyé</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="67" />
            <source>failed: not sent</source>
            <translation>échec : non envoyé</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="68" />
            <source>accepted</source>
            <translation>accepté</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="69" />
            <source>rejected</source>
            <translation>refusé</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="70" />
            <source>held back: changed remotely</source>
            <translation>retenu : modifié à distance</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="71" />
            <source>held back: validation errors</source>
            <translation>retenu : erreurs de validation</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="655" />
            <source>dry run</source>
            <translation>simulation</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="214" />
            <source>Push changes to the Cartographie nationale</source>
            <translation>Envoyer les modifications à la Cartographie nationale</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="232" />
            <source>Refresh</source>
            <translation>Actualiser</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="233" />
            <source>Read the layer again and check the remote versions again</source>
            <translation>Relire la couche et vérifier à nouveau les versions distantes</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="247" />
            <source>Save the edits</source>
            <translation>Enregistrer les modifications</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="272" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="280" />
            <source>Send</source>
            <translation>Envoyer</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="419" />
            <source>Journal</source>
            <translation>Journal</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="460" />
            <source>Preparing the push preview</source>
            <translation>Préparation de l'aperçu de l'envoi</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="486" />
            <source>Sending the lieux to the Cartographie nationale</source>
            <translation>Envoi des lieux à la Cartographie nationale</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="541" />
            <source>Sending cancelled: what was accepted is journaled, the rest is still to send.</source>
            <translation>Envoi annulé : ce qui a été accepté est journalisé, le reste est encore à envoyer.</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="585" />
            <source>Nothing to send.</source>
            <translation>Rien à envoyer.</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="607" />
            <source>new lieu</source>
            <translation>nouveau lieu</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="634" />
            <source>Field</source>
            <translation>Champ</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="634" />
            <source>At the pull</source>
            <translation>À l'extraction</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="227" />
            <source>Working layer</source>
            <translation>Couche de travail</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="256" />
            <source>Lieu</source>
            <translation>Lieu</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="256" />
            <source>Change</source>
            <translation>Modification</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="256" />
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="258" />
            <source>Fields that differ</source>
            <translation>Champs qui diffèrent</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="260" />
            <source>Errors</source>
            <translation>Erreurs</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="262" />
            <source>Time</source>
            <translation>Heure</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="262" />
            <source>HTTP</source>
            <translation>HTTP</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="262" />
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="385" />
            <source>Choose a working layer stored in a GeoPackage (the lieux pulled from an API, or a working layer created by the plugin).</source>
            <translation>Choisissez une couche de travail enregistrée dans un GeoPackage (les lieux récupérés d'une API, ou une couche de travail créée par l'extension).</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="392" />
            <source>The layer changed since this preview: press Refresh.</source>
            <translation>La couche a changé depuis cet aperçu : cliquez sur Actualiser.</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="608" />
            <source>{n} field(s): {fields}</source>
            <translation>{n} champ(s) : {fields}</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="618" />
            <source>Before</source>
            <translation>Avant</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="618" />
            <source>After</source>
            <translation>Après</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="646" />
            <source>Value</source>
            <translation>Valeur</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="646" />
            <source>Error</source>
            <translation>Erreur</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="673" />
            <source>Push {push} to {target}. Server response: {response}</source>
            <translation>Envoi {push} vers {target}. Réponse du serveur : {response}</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="359" />
            <source>Sends to: {target} — {url}</source>
            <translation>Envoi vers : {target} — {url}</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="361" />
            <source>No push key is configured: in Settings › Options › Lieux de médiation numérique, choose the QGIS authentication configuration that holds the x-api-key (« Cartographie nationale push key »); for headless runs, set the environment variable {env}.</source>
            <translation>Aucune clé d'envoi n'est configurée : dans Préférences › Options › Lieux de médiation numérique, choisissez la configuration d'authentification QGIS qui contient la clé x-api-key (« clé d'envoi Cartographie nationale ») ; sans interface, définissez la variable d'environnement {env}.</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="388" />
            <source>The layer has unsaved edits. A push sends the lieux as saved in the GeoPackage: save the edits to see what would be sent.</source>
            <translation>La couche a des modifications non enregistrées. Un envoi part des lieux tels qu'enregistrés dans le GeoPackage : enregistrez les modifications pour voir ce qui serait envoyé.</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="417" />
            <source>Conflicts ({n})</source>
            <translation>Conflits ({n})</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="418" />
            <source>Validation errors ({n})</source>
            <translation>Erreurs de validation ({n})</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="525" />
            <source>Preview cancelled.</source>
            <translation>Aperçu annulé.</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="575" />
            <source>{accepted} accepted, {rejected} rejected, {pending} not sent yet, {up} already up to date; {conflict} held back (changed remotely), {invalid} with validation errors, {unchanged} unchanged.</source>
            <translation>Acceptés : {accepted}, refusés : {rejected}, pas encore envoyés : {pending}, déjà à jour : {up} ; retenus (modifiés à distance) : {conflict}, avec erreurs de validation : {invalid}, inchangés : {unchanged}.</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="587" />
            <source>Preview, nothing sent yet: {n} lieu(x) to send ({created} new, {changed} changed).</source>
            <translation>Aperçu, rien n'est encore envoyé : {n} lieu(x) à envoyer ({created} nouveau(x), {changed} modifié(s)).</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="589" />
            <source>{conflict} held back (changed remotely), {invalid} with validation errors, {up} already up to date at the source, {unchanged} unchanged since the pull or the last push.</source>
            <translation>Retenus (modifiés à distance) : {conflict}, avec erreurs de validation : {invalid}, déjà à jour à la source : {up}, inchangés depuis l'extraction ou le dernier envoi : {unchanged}.</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="616" />
            <source>Rejected by the server (HTTP {status}): {detail}</source>
            <translation>Refusé par le serveur (HTTP {status}) : {detail}</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="676" />
            <source>New lieu.</source>
            <translation>Nouveau lieu.</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="334" />
            <source>The edits could not be saved: {errors}</source>
            <translation>Les modifications n'ont pas pu être enregistrées : {errors}</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="416" />
            <source>Sent ({n})</source>
            <translation>Envoyés ({n})</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="416" />
            <source>To send ({n})</source>
            <translation>À envoyer ({n})</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="357" />
            <source>Sends to: {target}</source>
            <translation>Envoi vers : {target}</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="401" />
            <source>{n} lieu(x) not sent yet: press Refresh, then Send to resume.</source>
            <translation>{n} lieu(x) pas encore envoyé(s) : cliquez sur Actualiser, puis Envoyer pour reprendre.</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="633" />
            <source>Remote version now</source>
            <translation>Version distante actuelle</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="633" />
            <source>Local version</source>
            <translation>Version locale</translation>
        </message>
        <message>
            <location filename="plugin/gui/push_dialog.py" line="659" />
            <source>The push journal cannot be read: {error}</source>
            <translation>Le journal des envois ne peut pas être lu : {error}</translation>
        </message>
    </context>
    <context>
        <name>QgisTransport</name>
        <message>
            <location filename="../plugin/qgis/network.py" line="49" />
            <source>The QGIS authentication configuration « {id} » cannot be read (unknown id, or master password not given).</source>
            <translation>La configuration d'authentification QGIS « {id} » ne peut pas être lue (identifiant inconnu, ou mot de passe principal non saisi).</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/network.py" line="60" />
            <source>The QGIS authentication configuration « {id} » holds no token (use the method « API header », or « Basic » with the token as password).</source>
            <translation>La configuration d'authentification QGIS « {id} » ne contient aucun jeton (utilisez la méthode « API header », ou « Basic » avec le jeton comme mot de passe).</translation>
        </message>
    </context>
    <context>
        <name>ReadError</name>
        <message>
            <location filename="../plugin/core/readers/__init__.py" line="111" />
            <source>The file {name} is too large to be read in memory.</source>
            <translation>Le fichier {name} est trop volumineux pour être lu en mémoire.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/__init__.py" line="115" />
            <source>The file {name} is nested too deeply to be read.</source>
            <translation>Le fichier {name} est trop profondément imbriqué pour être lu.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/detection.py" line="61" />
            <source>The file {name} could not be read ({detail}).</source>
            <translation>Le fichier {name} n'a pas pu être lu ({detail}).</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/detection.py" line="43" />
            <source>The file {name} does not exist.</source>
            <translation>Le fichier {name} n'existe pas.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/detection.py" line="136" />
            <source>The file {name} cannot be opened: permission denied.</source>
            <translation>Le fichier {name} ne peut pas être ouvert : permission refusée.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/detection.py" line="68" />
            <source>{name} is a folder, not a file: choose a file of lieux (CSV, XLSX, JSON, GeoJSON or GeoPackage).</source>
            <translation>{name} est un dossier, pas un fichier : choisissez un fichier de lieux (CSV, XLSX, JSON, GeoJSON ou GeoPackage).</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/detection.py" line="77" />
            <source>{name} is not a regular file.</source>
            <translation>{name} n'est pas un fichier ordinaire.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/xlsx_reader.py" line="261" />
            <source>The file {name} is empty.</source>
            <translation>Le fichier {name} est vide.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/xlsx_reader.py" line="55" />
            <source>The file {name} is too large ({size} MB); the limit is {limit} MB.</source>
            <translation>Le fichier {name} est trop volumineux ({size} Mo) ; la limite est de {limit} Mo.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/detection.py" line="117" />
            <source>The file {name} ({size} MB) needs about {needed} MB of memory to be read; only {available} MB are available. Close other programs or split the file.</source>
            <translation>La lecture du fichier {name} ({size} Mo) demande environ {needed} Mo de mémoire ; seuls {available} Mo sont disponibles. Fermez d'autres programmes ou découpez le fichier.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/xlsx_reader.py" line="35" />
            <source>{name} is an OpenDocument spreadsheet (.ods), which is not read: save it as XLSX or CSV.</source>
            <translation>{name} est un classeur OpenDocument (.ods), format qui n'est pas lu : enregistrez-le en XLSX ou en CSV.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/detection.py" line="174" />
            <source>{name} is a legacy Excel 97-2003 workbook (.xls), which is not read: save it as XLSX or CSV.</source>
            <translation>{name} est un ancien classeur Excel 97-2003 (.xls), format qui n'est pas lu : enregistrez-le en XLSX ou en CSV.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/detection.py" line="208" />
            <source>The file {name} is damaged or truncated: it is not a valid {kind} file.</source>
            <translation>Le fichier {name} est endommagé ou tronqué : ce n'est pas un fichier {kind} valide.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/detection.py" line="192" />
            <source>{name} is a {kind} file, not a table of lieux.</source>
            <translation>{name} est un fichier {kind}, pas un tableau de lieux.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/text_decoding.py" line="45" />
            <source>The text encoding of {name} could not be recognised ({detail}).</source>
            <translation>L'encodage du texte de {name} n'a pas pu être reconnu ({detail}).</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/text_decoding.py" line="74" />
            <source>The file mixes encodings: {count} line(s) were not UTF-8 and were read as Windows-1252.</source>
            <translation>Le fichier mélange des encodages : {count} ligne(s) n'étaient pas en UTF-8 et ont été lues en Windows-1252.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/text_decoding.py" line="184" />
            <source>The file {name} is not a text file (binary content) nor a supported workbook or GeoPackage.</source>
            <translation>Le fichier {name} n'est ni un fichier texte (contenu binaire), ni un classeur ou un GeoPackage pris en charge.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/csv_reader.py" line="83" />
            <source>A quoted cell that starts on line {line} of {name} is never closed: the file may be truncated.</source>
            <translation>Une cellule entre guillemets commencée à la ligne {line} de {name} n'est jamais fermée : le fichier est peut-être tronqué.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/csv_reader.py" line="102" />
            <source>Irregular quoting near line {line} was read leniently ({detail}).</source>
            <translation>Des guillemets irréguliers vers la ligne {line} ont été lus avec tolérance ({detail}).</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/json_reader.py" line="32" />
            <source>The file {name} is not valid JSON (line {line}, column {column}): it may be truncated.</source>
            <translation>Le fichier {name} n'est pas du JSON valide (ligne {line}, colonne {column}) : il est peut-être tronqué.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/json_reader.py" line="134" />
            <source>Element {position} of {name} is not an object: expected a list of lieux.</source>
            <translation>L'élément {position} de {name} n'est pas un objet : une liste de lieux est attendue.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/json_reader.py" line="145" />
            <source>The file {name} does not contain a list of lieux (a JSON array of objects or a GeoJSON FeatureCollection).</source>
            <translation>Le fichier {name} ne contient pas de liste de lieux (un tableau JSON d'objets ou une FeatureCollection GeoJSON).</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/json_reader.py" line="202" />
            <source>Element {position} of {name} is not a GeoJSON feature.</source>
            <translation>L'élément {position} de {name} n'est pas une entité GeoJSON (Feature).</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/json_reader.py" line="225" />
            <source>The GeoJSON declares a coordinate system other than WGS 84: geometries were not used.</source>
            <translation>Le GeoJSON déclare un système de coordonnées autre que WGS 84 : les géométries n'ont pas été utilisées.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/json_reader.py" line="231" />
            <source>{count} feature(s) have a geometry that is not a point: no coordinates taken.</source>
            <translation>{count} entité(s) ont une géométrie qui n'est pas un point : aucune coordonnée n'en a été tirée.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/json_reader.py" line="237" />
            <source>{count} feature(s) had no id property: the GeoJSON feature id was used.</source>
            <translation>{count} entité(s) n'avaient pas de propriété id : l'identifiant de l'entité GeoJSON a été utilisé.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/xlsx_reader.py" line="166" />
            <source>The workbook {name} has no worksheet.</source>
            <translation>Le classeur {name} ne contient aucune feuille.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/xlsx_reader.py" line="170" />
            <source>The workbook {name} has no sheet named {layer}; sheets: {available}.</source>
            <translation>Le classeur {name} n'a pas de feuille nommée {layer} ; feuilles : {available}.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/gpkg_reader.py" line="58" />
            <source>The GeoPackage {name} contains no table.</source>
            <translation>Le GeoPackage {name} ne contient aucune table.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/gpkg_reader.py" line="63" />
            <source>The GeoPackage {name} has no table named {layer}; tables: {available}.</source>
            <translation>Le GeoPackage {name} n'a pas de table nommée {layer} ; tables : {available}.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/gpkg_reader.py" line="113" />
            <source>The layer's coordinate system is not WGS 84 (EPSG:4326): geometries were not used.</source>
            <translation>Le système de coordonnées de la couche n'est pas WGS 84 (EPSG:4326) : les géométries n'ont pas été utilisées.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/gpkg_reader.py" line="54" />
            <source>The file {name} is a SQLite database but not a GeoPackage.</source>
            <translation>Le fichier {name} est une base SQLite mais pas un GeoPackage.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/json_reader.py" line="49" />
            <source>{count} value(s) held a lone surrogate escape (U+D800 to U+DFFF), which is not a character: replaced by « {mark} » (listed as lossy cells).</source>
            <translation>Valeurs contenant un échappement de demi-caractère isolé (U+D800 à U+DFFF), qui n'est pas un caractère : {count}, remplacé par « {mark} » (listées comme cellules altérées).</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/csv_reader.py" line="70" />
            <source>The file {name} holds only the line « {line} »: no header and no lieu.</source>
            <translation>Le fichier {name} ne contient que la ligne « {line} » : ni en-tête ni lieu.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/csv_reader.py" line="123" />
            <source>A cell of {name} near line {line} is longer than {limit} MB, the longest cell read: the file is probably damaged (a quote never closed?) or is not a table of lieux.</source>
            <translation>Une cellule de {name} vers la ligne {line} dépasse {limit} Mo, la plus longue cellule lue : le fichier est probablement abîmé (un guillemet jamais fermé ?) ou n'est pas un tableau de lieux.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/detection.py" line="50" />
            <source>{name} is a symbolic link that leads back to itself (a loop of links): choose the real file.</source>
            <translation>{name} est un lien symbolique qui ramène à lui-même (une boucle de liens) : choisissez le vrai fichier.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/detection.py" line="59" />
            <source>The name of the file {name} is too long.</source>
            <translation>Le nom du fichier {name} est trop long.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/gpkg_reader.py" line="117" />
            <source>{count} feature(s) have a geometry that could not be read as a point (damaged, or not a point): no coordinates taken from it, the feature is kept.</source>
            <translation>Entités dont la géométrie n'a pas pu être lue comme un point (abîmée, ou pas un point) : {count} ; aucune coordonnée n'en est tirée, l'entité est gardée.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/text_decoding.py" line="171" />
            <source>The file {name} holds NUL bytes from line {line} on: it is damaged (zeros written by a crash or an interrupted copy?) or is not a text file. Take the file again from its source.</source>
            <translation>Le fichier {name} contient des octets NUL à partir de la ligne {line} : il est abîmé (des zéros écrits lors d'un plantage ou d'une copie interrompue ?) ou n'est pas un fichier texte. Reprenez le fichier à sa source.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/detection.py" line="142" />
            <source>The file {name} holds more than {limit} rows, the most a table of lieux may hold here (the national dataset has about 50,000): split it, or check that it is a table of lieux.</source>
            <translation>Le fichier {name} contient plus de {limit} lignes, le maximum pour un tableau de lieux ici (le jeu national en compte environ 50 000) : découpez-le, ou vérifiez qu'il s'agit bien d'un tableau de lieux.</translation>
        </message>
        <message>
            <location filename="../plugin/core/readers/csv_reader.py" line="117" />
            <source>A cell of {name} is longer than {limit} MB, the longest cell read: the file is probably damaged (a quote never closed?) or is not a table of lieux.</source>
            <translation>Une cellule de {name} dépasse {limit} Mo, la plus longue cellule lue : le fichier est probablement abîmé (un guillemet jamais fermé ?) ou n'est pas un tableau de lieux.</translation>
        </message>
    </context>
    <context>
        <name>ReportAlgorithm</name>
        <message>
            <location filename="../plugin/processing/report.py" line="43" />
            <source>Report of issues for the producers</source>
            <translation>Rapport des anomalies pour les producteurs</translation>
        </message>
        <message>
            <location filename="../plugin/processing/report.py" line="46" />
            <source>report,producer,issues,duplicates,html,csv,validation</source>
            <translation>rapport,report,producteur,producer,anomalies,issues,doublons,duplicates,html,csv,validation</translation>
        </message>
        <message>
            <location filename="../plugin/processing/report.py" line="49" />
            <source>&lt;p&gt;Writes the report to hand to the producers of lieux de médiation numérique: every issue found by the validation engine (the national standard's schema and the quality rules) plus the &lt;b&gt;probable duplicates&lt;/b&gt; (same pivot nearby, same name and address within 100 m, same name within 30 m; thresholds in the plugin settings).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Lieux&lt;/b&gt;: a vector layer or a file (CSV, XLSX, JSON, GeoJSON, GeoPackage). When it is a working GeoPackage, the issues accepted in the validation dock are listed apart with their reason and not counted.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Report&lt;/b&gt;: a &lt;code&gt;.html&lt;/code&gt; file (printable page in French: summary by rule and by commune, lieux with the most issues, each issue with its current value and suggested fix) or a &lt;code&gt;.csv&lt;/code&gt; file (one row per issue: row, id, nom, commune, field, code, severity, rule, message, value, suggestion, status, reason).&lt;/p&gt;&lt;p&gt;Command line: &lt;code&gt;qgis_process run mednum:report -- INPUT=lieux.csv OUTPUT=rapport.html&lt;/code&gt;&lt;/p&gt;</source>
            <translation>&lt;p&gt;Écrit le rapport à remettre aux producteurs de lieux de médiation numérique : toutes les anomalies trouvées par le moteur de validation (le schéma du standard national et les règles de qualité), plus les &lt;b&gt;doublons probables&lt;/b&gt; (même pivot à proximité, même nom et même adresse à moins de 100 m, même nom à moins de 30 m ; seuils dans les paramètres de l'extension).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Lieux&lt;/b&gt; : une couche vecteur ou un fichier (CSV, XLSX, JSON, GeoJSON, GeoPackage). S'il s'agit d'un GeoPackage de travail, les anomalies acceptées dans le panneau de validation sont listées à part avec leur motif et ne sont pas comptées.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Rapport&lt;/b&gt; : un fichier &lt;code&gt;.html&lt;/code&gt; (page imprimable en français : synthèse par règle et par commune, lieux ayant le plus d'anomalies, chaque anomalie avec sa valeur actuelle et la correction proposée) ou un fichier &lt;code&gt;.csv&lt;/code&gt; (une ligne par anomalie : row, id, nom, commune, field, code, severity, rule, message, value, suggestion, status, reason).&lt;/p&gt;&lt;p&gt;En ligne de commande : &lt;code&gt;qgis_process run mednum:report -- INPUT=lieux.csv OUTPUT=rapport.html&lt;/code&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../plugin/processing/report.py" line="66" />
            <source>Lieux (layer or file)</source>
            <translation>Lieux (couche ou fichier)</translation>
        </message>
        <message>
            <location filename="../plugin/processing/report.py" line="71" />
            <source>Report (.html or .csv)</source>
            <translation>Rapport (.html ou .csv)</translation>
        </message>
        <message>
            <location filename="../plugin/processing/report.py" line="71" />
            <source>HTML report (*.html);;CSV file (*.csv)</source>
            <translation>Rapport HTML (*.html);;Fichier CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../plugin/processing/report.py" line="78" />
            <source>Number of lieux</source>
            <translation>Nombre de lieux</translation>
        </message>
        <message>
            <location filename="../plugin/processing/report.py" line="78" />
            <source>Number of errors</source>
            <translation>Nombre d'erreurs</translation>
        </message>
        <message>
            <location filename="../plugin/processing/report.py" line="78" />
            <source>Number of warnings</source>
            <translation>Nombre d'avertissements</translation>
        </message>
        <message>
            <location filename="../plugin/processing/report.py" line="78" />
            <source>Lieux flagged as probable duplicates</source>
            <translation>Lieux signalés comme doublons probables</translation>
        </message>
        <message>
            <location filename="../plugin/processing/report.py" line="78" />
            <source>Accepted issues (not counted)</source>
            <translation>Anomalies acceptées (non comptées)</translation>
        </message>
        <message>
            <location filename="../plugin/processing/report.py" line="125" />
            <source>The report must be a .html or .csv file (not “{name}”).</source>
            <translation>Le rapport doit être un fichier .html ou .csv (et non « {name} »).</translation>
        </message>
        <message>
            <location filename="../plugin/processing/report.py" line="134" />
            <source>Validating {count} lieux (duplicates included)…</source>
            <translation>Validation de {count} lieux (doublons compris)…</translation>
        </message>
        <message>
            <location filename="plugin/processing/report.py" line="154" />
            <source>{rows} lieux: {errors} errors, {warnings} warnings ({duplicates} probable duplicates), {accepted} accepted issues. Report: {path}</source>
            <translation>{rows} lieux : {errors} erreur(s), {warnings} avertissement(s) (dont {duplicates} doublon(s) probable(s)), {accepted} anomalie(s) acceptée(s). Rapport : {path}</translation>
        </message>
    </context>
    <context>
        <name>ServiceStyle</name>
        <message>
            <location filename="../plugin/qgis/service_style.py" line="98" />
            <source>No service given</source>
            <translation>Aucun service indiqué</translation>
        </message>
    </context>
    <context>
        <name>Sources</name>
        <message>
            <location filename="../plugin/api/sources.py" line="59" />
            <source>Unknown source « {key} »: expected one of {keys}.</source>
            <translation>Source « {key} » inconnue ; sources possibles : {keys}.</translation>
        </message>
    </context>
    <context>
        <name>Styles</name>
        <message>
            <location filename="../plugin/qgis/styles.py" line="33" />
            <source>Errors</source>
            <translation>Erreurs</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/styles.py" line="34" />
            <source>Warnings only</source>
            <translation>Avertissements seuls</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/styles.py" line="35" />
            <source>No issue</source>
            <translation>Aucune anomalie</translation>
        </message>
    </context>
    <context>
        <name>TableStore</name>
        <message>
            <location filename="../plugin/core/gpkg_tables.py" line="46" />
            <source>The GeoPackage {path} does not exist (moved or deleted?).</source>
            <translation>Le GeoPackage {path} n'existe pas (déplacé ou supprimé ?).</translation>
        </message>
        <message>
            <location filename="../plugin/core/gpkg_tables.py" line="54" />
            <source>The GeoPackage {path} could not be updated: {error}</source>
            <translation>Le GeoPackage {path} n'a pas pu être mis à jour : {error}</translation>
        </message>
        <message>
            <location filename="../plugin/core/gpkg_tables.py" line="110" />
            <source>The table {table} of {path} could not be read: {error}</source>
            <translation>La table {table} de {path} n'a pas pu être lue : {error}</translation>
        </message>
    </context>
    <context>
        <name>TeamAlgorithms</name>
        <message>
            <location filename="../plugin/processing/team_algorithms.py" line="28" />
            <source>PostgreSQL connection (team database)</source>
            <translation>Connexion PostgreSQL (base d'équipe)</translation>
        </message>
        <message>
            <location filename="../plugin/processing/team_algorithms.py" line="32" />
            <source>…or a connection URI without password (host=… dbname=… user=…)</source>
            <translation>…ou une URI de connexion sans mot de passe (host=… dbname=… user=…)</translation>
        </message>
        <message>
            <location filename="../plugin/processing/team_algorithms.py" line="37" />
            <source>Schema of the team's lieux</source>
            <translation>Schéma des lieux de l'équipe</translation>
        </message>
        <message>
            <location filename="../plugin/processing/team_algorithms.py" line="60" />
            <source>Give no password in the URI (it would stay in the Processing history): use a QGIS connection with an authentication configuration, or the PGPASSWORD variable / ~/.pgpass.</source>
            <translation>Ne mettez pas de mot de passe dans l'URI (il resterait dans l'historique Processing) : utilisez une connexion QGIS avec une configuration d'authentification, ou la variable PGPASSWORD / ~/.pgpass.</translation>
        </message>
        <message>
            <location filename="../plugin/processing/team_algorithms.py" line="68" />
            <source>Choose a PostgreSQL connection, or give a connection URI.</source>
            <translation>Choisissez une connexion PostgreSQL, ou donnez une URI de connexion.</translation>
        </message>
    </context>
    <context>
        <name>TeamDatabase</name>
        <message>
            <location filename="plugin/core/postgis_schema.py" line="73" />
            <source>“{name}” is not a valid schema name: use lower-case letters, digits and underscores (for example mednum).</source>
            <translation>« {name} » n'est pas un nom de schéma valide : utilisez des minuscules, des chiffres et des tirets bas (par exemple mednum).</translation>
        </message>
        <message>
            <location filename="plugin/core/postgis_schema.py" line="315" />
            <source>The schema {name} was created by a newer version of the plugin (version {found}, this one knows {known}): update the plugin.</source>
            <translation>Le schéma {name} a été créé par une version plus récente de l'extension (version {found}, celle-ci connaît la {known}) : mettez l'extension à jour.</translation>
        </message>
        <message>
            <location filename="plugin/qgis/team_database.py" line="358" />
            <source>Lieux — team {schema} ({name})</source>
            <translation>Lieux — équipe {schema} ({name})</translation>
        </message>
        <message>
            <location filename="plugin/qgis/team_database.py" line="107" />
            <source>The Python module psycopg2 is missing (Debian/Ubuntu: apt install python3-psycopg2).</source>
            <translation>Le module Python psycopg2 est absent (Debian/Ubuntu : apt install python3-psycopg2).</translation>
        </message>
        <message>
            <location filename="plugin/qgis/team_database.py" line="155" />
            <source> PostGIS must be installed on the server and the user allowed to create the extension (or an administrator runs CREATE EXTENSION postgis once).</source>
            <translation> PostGIS doit être installé sur le serveur et l'utilisateur autorisé à créer l'extension (ou un administrateur lance une fois CREATE EXTENSION postgis).</translation>
        </message>
        <message>
            <location filename="plugin/qgis/team_database.py" line="84" />
            <source>There is no PostgreSQL connection named “{name}” in QGIS (Browser → PostgreSQL → New Connection).</source>
            <translation>Il n'y a pas de connexion PostgreSQL nommée « {name} » dans QGIS (Explorateur → PostgreSQL → Nouvelle connexion).</translation>
        </message>
        <message>
            <location filename="plugin/qgis/team_database.py" line="339" />
            <source>The table {schema}.lieux of {name} cannot be opened: initialise the team database first (Processing: mednum:init_database).</source>
            <translation>La table {schema}.lieux de {name} ne s'ouvre pas : créez d'abord la base d'équipe (Processing : mednum:init_database).</translation>
        </message>
        <message>
            <location filename="plugin/qgis/team_database.py" line="113" />
            <source>The database {name} cannot be reached: {error}Check the connection (host, port, user, password in the QGIS authentication database).</source>
            <translation>La base {name} est injoignable : {error}Vérifiez la connexion (hôte, port, utilisateur, mot de passe dans la base d'authentification de QGIS).</translation>
        </message>
        <message>
            <location filename="plugin/qgis/team_database.py" line="131" />
            <source>The database {name} refused the request: {error}</source>
            <translation>La base {name} a refusé la requête : {error}</translation>
        </message>
        <message>
            <location filename="plugin/qgis/team_database.py" line="264" />
            <source>The lieux could not be written to {name}: {error}</source>
            <translation>Les lieux n'ont pas pu être écrits dans {name} : {error}</translation>
        </message>
        <message>
            <location filename="plugin/qgis/team_database.py" line="316" />
            <source>The sync table of {name} could not be written: {error}</source>
            <translation>La table de synchronisation de {name} n'a pas pu être écrite : {error}</translation>
        </message>
        <message>
            <location filename="plugin/qgis/team_database.py" line="399" />
            <source>The journal of {name} could not be read: {error}</source>
            <translation>Le journal de {name} n'a pas pu être lu : {error}</translation>
        </message>
        <message>
            <location filename="plugin/qgis/team_database.py" line="158" />
            <source>The schema {schema} could not be created in {name}: {error}</source>
            <translation>Le schéma {schema} n'a pas pu être créé dans {name} : {error}</translation>
        </message>
        <message>
            <location filename="plugin/qgis/team_database.py" line="211" />
            <source>The schema {schema} of {name} already holds {n} lieux: open them, or choose to replace them.</source>
            <translation>Le schéma {schema} de {name} contient déjà {n} lieux : ouvrez-les, ou choisissez de les remplacer.</translation>
        </message>
    </context>
    <context>
        <name>TeamDialog</name>
        <message>
            <location filename="plugin/gui/team_dialog.py" line="34" />
            <source>Team database (PostgreSQL/PostGIS)</source>
            <translation>Base d'équipe (PostgreSQL/PostGIS)</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_dialog.py" line="37" />
            <source>One shared set of lieux for a team: each agent opens it with the same form, validation and export, sees the others' saves and never overwrites a colleague's edit without being told. The connection is a QGIS PostgreSQL connection (Browser → PostgreSQL), its password in the QGIS authentication database.</source>
            <translation>Un seul jeu de lieux partagé par une équipe : chaque agent l'ouvre avec le même formulaire, la même validation et le même export, voit les enregistrements des autres et n'écrase jamais la modification d'un collègue sans être prévenu. La connexion est une connexion PostgreSQL de QGIS (Explorateur → PostgreSQL), son mot de passe dans la base d'authentification de QGIS.</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_dialog.py" line="46" />
            <source>PostgreSQL connection</source>
            <translation>Connexion PostgreSQL</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_dialog.py" line="48" />
            <source>Schema</source>
            <translation>Schéma</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_dialog.py" line="54" />
            <source>Check</source>
            <translation>Vérifier</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_dialog.py" line="55" />
            <source>Create or upgrade the schema</source>
            <translation>Créer ou mettre à niveau le schéma</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_dialog.py" line="56" />
            <source>Import a file into it…</source>
            <translation>Y importer un fichier…</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_dialog.py" line="57" />
            <source>Open the team layer</source>
            <translation>Ouvrir la couche d'équipe</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_dialog.py" line="61" />
            <source>Replace the lieux already in the team database</source>
            <translation>Remplacer les lieux déjà présents dans la base d'équipe</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_dialog.py" line="70" />
            <source>No PostgreSQL connection in QGIS yet: create one in the Browser (PostgreSQL → New Connection), with an authentication configuration for the password, then open this dialog again.</source>
            <translation>Aucune connexion PostgreSQL dans QGIS : créez-en une dans l'Explorateur (PostgreSQL → Nouvelle connexion), avec une configuration d'authentification pour le mot de passe, puis rouvrez cette fenêtre.</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_dialog.py" line="92" />
            <source>The schema {schema} does not exist yet in {name}: create it.</source>
            <translation>Le schéma {schema} n'existe pas encore dans {name} : créez-le.</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_dialog.py" line="94" />
            <source>The schema {schema} of {name} is at version {version}: upgrade it (version {latest}).</source>
            <translation>Le schéma {schema} de {name} est en version {version} : mettez-le à niveau (version {latest}).</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_dialog.py" line="96" />
            <source>The schema {schema} of {name} is up to date (version {version}): {n} lieux.</source>
            <translation>Le schéma {schema} de {name} est à jour (version {version}) : {n} lieux.</translation>
        </message>
    </context>
    <context>
        <name>TeamFeature</name>
        <message>
            <location filename="plugin/gui/team_feature.py" line="38" />
            <source>Save: lieux a colleague saved since you started editing them</source>
            <translation>Enregistrement : lieux qu'un collègue a enregistrés depuis que vous les modifiez</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_feature.py" line="39" />
            <source>{n} lieux you are saving were saved by {source} since you started editing them. For each one, keep your version (the colleague's other changes stay) or take theirs; cancel to save nothing (your edits stay in the layer).</source>
            <translation>{n} lieux que vous enregistrez ont été enregistrés par {source} depuis que vous avez commencé à les modifier. Pour chacun, gardez votre version (les autres modifications du collègue restent) ou prenez la sienne ; annulez pour ne rien enregistrer (vos modifications restent dans la couche).</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_feature.py" line="42" />
            <source>Colleague's version (saved)</source>
            <translation>Version du collègue (enregistrée)</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_feature.py" line="43" />
            <source>Take the colleague's version</source>
            <translation>Prendre la version du collègue</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_feature.py" line="44" />
            <source>Take the colleague's version for all</source>
            <translation>Prendre la version du collègue pour tous</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_feature.py" line="45" />
            <source>colleague</source>
            <translation>collègue</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_feature.py" line="46" />
            <source>Save with these choices</source>
            <translation>Enregistrer avec ces choix</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_feature.py" line="47" />
            <source>Cancel the save</source>
            <translation>Annuler l'enregistrement</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_feature.py" line="62" />
            <source>Team database…</source>
            <translation>Base d'équipe…</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_feature.py" line="67" />
            <source>Who changed what…</source>
            <translation>Qui a modifié quoi…</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_feature.py" line="91" />
            <source>a colleague</source>
            <translation>un collègue</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_feature.py" line="107" />
            <source>Team mode</source>
            <translation>Mode équipe</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_feature.py" line="63" />
            <source>Create, fill or open the team's shared lieux in PostgreSQL/PostGIS</source>
            <translation>Créer, remplir ou ouvrir les lieux partagés de l'équipe dans PostgreSQL/PostGIS</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_feature.py" line="68" />
            <source>The journal of the active team layer: who changed which field of which lieu, when</source>
            <translation>Le journal de la couche d'équipe active : qui a modifié quel champ de quel lieu, quand</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_feature.py" line="144" />
            <source>File of lieux to import into the team database</source>
            <translation>Fichier de lieux à importer dans la base d'équipe</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_feature.py" line="190" />
            <source>Open a team layer first (Team database… → Open the team layer).</source>
            <translation>Ouvrez d'abord une couche d'équipe (Base d'équipe… → Ouvrir la couche d'équipe).</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_feature.py" line="150" />
            <source>Import of {name} into the team database</source>
            <translation>Import de {name} dans la base d'équipe</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_feature.py" line="156" />
            <source>Importing {name}… (progress and cancel in the task manager)</source>
            <translation>Import de {name}… (progression et annulation dans le gestionnaire de tâches)</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_feature.py" line="167" />
            <source>{n} lieux written to {name}.</source>
            <translation>{n} lieux écrits dans {name}.</translation>
        </message>
        <message>
            <location filename="plugin/gui/team_feature.py" line="132" />
            <source>The schema {schema} is ready (version {version}).</source>
            <translation>Le schéma {schema} est prêt (version {version}).</translation>
        </message>
    </context>
    <context>
        <name>Territory</name>
        <message>
            <location filename="../plugin/api/territory.py" line="72" />
            <source>département</source>
            <translation>département</translation>
        </message>
        <message>
            <location filename="../plugin/api/territory.py" line="73" />
            <source>commune</source>
            <translation>commune</translation>
        </message>
        <message>
            <location filename="../plugin/api/territory.py" line="74" />
            <source>EPCI</source>
            <translation>EPCI</translation>
        </message>
        <message>
            <location filename="../plugin/api/territory.py" line="155" />
            <source>Unknown EPCI SIREN « {code} » (not in the bundled reference).</source>
            <translation>SIREN d'EPCI « {code} » inconnu (absent du référentiel fourni avec l'extension).</translation>
        </message>
        <message>
            <location filename="../plugin/api/territory.py" line="171" />
            <source>« {code} » is not a known territory: give a département code (e.g. 13, 2A, 974), a commune INSEE code (e.g. 13055) or an EPCI SIREN (9 digits).</source>
            <translation>« {code} » n'est pas un territoire connu : indiquez un code de département (par exemple 13, 2A, 974), un code INSEE de commune (par exemple 13055) ou un SIREN d'EPCI (9 chiffres).</translation>
        </message>
    </context>
    <context>
        <name>ValidateAlgorithm</name>
        <message>
            <location filename="../plugin/processing/validate.py" line="114" />
            <source>Validate lieux against the national standard</source>
            <translation>Valider des lieux selon le standard national</translation>
        </message>
        <message>
            <location filename="../plugin/processing/validate.py" line="117" />
            <source>validation,standard,schema,quality,lieux,mednum</source>
            <translation>validation,valider,standard,schéma,schema,qualité,quality,contrôle,lieux,mednum</translation>
        </message>
        <message>
            <location filename="../plugin/processing/validate.py" line="142" />
            <source>Lieux (layer or file)</source>
            <translation>Lieux (couche ou fichier)</translation>
        </message>
        <message>
            <location filename="../plugin/processing/validate.py" line="149" />
            <source>Issues</source>
            <translation>Anomalies</translation>
        </message>
        <message>
            <location filename="../plugin/processing/validate.py" line="154" />
            <source>Lieux with issue counts</source>
            <translation>Lieux avec nombre d'anomalies</translation>
        </message>
        <message>
            <location filename="../plugin/processing/validate.py" line="163" />
            <source>Number of lieux</source>
            <translation>Nombre de lieux</translation>
        </message>
        <message>
            <location filename="../plugin/processing/validate.py" line="164" />
            <source>Number of errors</source>
            <translation>Nombre d'erreurs</translation>
        </message>
        <message>
            <location filename="../plugin/processing/validate.py" line="165" />
            <source>Number of warnings</source>
            <translation>Nombre d'avertissements</translation>
        </message>
        <message>
            <location filename="../plugin/processing/validate.py" line="182" />
            <source>Reading {path}…</source>
            <translation>Lecture de {path}…</translation>
        </message>
        <message>
            <location filename="../plugin/processing/validate.py" line="212" />
            <source>Validating {count} lieux…</source>
            <translation>Validation de {count} lieux…</translation>
        </message>
        <message>
            <location filename="../plugin/processing/validate.py" line="120" />
            <source>&lt;p&gt;Checks lieux de médiation numérique against the national standard (La MedNum schema v1.0.2): structure, schema constraints (required fields, types, patterns, list values, unique id) and quality checks beyond the schema (SIRET, phone numbers, e-mails, opening hours, postal and INSEE codes, coordinates in France, dates…).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Lieux&lt;/b&gt;: a vector layer of the project (tick &lt;i&gt;Selected features only&lt;/i&gt; to check a selection) or a file (CSV, XLSX, JSON, GeoJSON, GeoPackage). A file is read by the plugin's own readers (encoding and separator detection, checks of the header as written); a layer is read from its fields, and its geometry gives the coordinates when latitude/longitude are empty.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Issues&lt;/b&gt;: one row per issue with row (position of the lieu, 1 = first), id, field, code, severity (error or warning), message, value and suggestion (the corrected value when a safe fix exists). Probable duplicates are looked for as in the validation dock (thresholds of the plugin settings).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Lieux with issue counts&lt;/b&gt; (optional): a copy of the input with the fields issue_count and max_severity, to style or filter the lieux on the map.&lt;/p&gt;&lt;p&gt;Results ROWS, ERRORS, WARNINGS and DUPLICATES (lieux flagged as probable duplicates) give the counts. Command line: &lt;code&gt;qgis_process run mednum:validate -- INPUT=lieux.csv OUTPUT=issues.csv&lt;/code&gt;&lt;/p&gt;</source>
            <translation>&lt;p&gt;Contrôle des lieux de médiation numérique selon le standard national (schéma La MedNum v1.0.2) : structure, contraintes du schéma (champs obligatoires, types, motifs, valeurs des listes, id unique) et contrôles de qualité au-delà du schéma (SIRET, numéros de téléphone, courriels, horaires, codes postaux et INSEE, coordonnées en France, dates…).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Lieux&lt;/b&gt; : une couche vecteur du projet (cochez &lt;i&gt;Entité(s) sélectionnée(s) uniquement&lt;/i&gt; pour contrôler une sélection) ou un fichier (CSV, XLSX, JSON, GeoJSON, GeoPackage). Un fichier est lu par les lecteurs propres à l'extension (détection de l'encodage et du séparateur, contrôle de l'en-tête tel qu'il est écrit) ; une couche est lue à partir de ses champs, et sa géométrie donne les coordonnées quand latitude/longitude sont vides.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Anomalies&lt;/b&gt; : une ligne par anomalie, avec row (position du lieu, 1 = le premier), id, field (champ), code, severity (gravité : error ou warning), message, value (valeur) et suggestion (la valeur corrigée quand une correction sûre existe). Les doublons probables sont recherchés comme dans le panneau de validation (seuils des paramètres de l'extension).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Lieux avec nombre d'anomalies&lt;/b&gt; (facultatif) : une copie de l'entrée avec les champs issue_count et max_severity, pour styler ou filtrer les lieux sur la carte.&lt;/p&gt;&lt;p&gt;Les résultats ROWS, ERRORS, WARNINGS et DUPLICATES (lieux signalés comme doublons probables) donnent les nombres. En ligne de commande : &lt;code&gt;qgis_process run mednum:validate -- INPUT=lieux.csv OUTPUT=issues.csv&lt;/code&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../plugin/processing/validate.py" line="168" />
            <source>Number of lieux flagged as probable duplicates</source>
            <translation>Nombre de lieux signalés comme doublons probables</translation>
        </message>
        <message>
            <location filename="../plugin/processing/validate.py" line="245" />
            <source>{rows} lieux: {counts}.</source>
            <translation>{rows} lieux : {counts}.</translation>
        </message>
    </context>
    <context>
        <name>Validation</name>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Missing required column</source>
            <translation>Colonne obligatoire manquante</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Missing optional column</source>
            <translation>Colonne facultative manquante</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Column outside the standard</source>
            <translation>Colonne hors du standard</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Columns out of order</source>
            <translation>Colonnes dans le désordre</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Duplicate column name</source>
            <translation>Nom de colonne en double</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Column without a name</source>
            <translation>Colonne sans nom</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Blank row</source>
            <translation>Ligne vide</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>This row is empty. Blank rows must be removed from the table.</source>
            <translation>Cette ligne est vide. Les lignes vides doivent être supprimées du tableau.</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Extra cells</source>
            <translation>Cellules en trop</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Missing cells</source>
            <translation>Cellules manquantes</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Required value missing</source>
            <translation>Valeur obligatoire manquante</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Empty cell: “{field}” is required. Fill it in.</source>
            <translation>Cellule vide : le champ « {field} » est obligatoire. Renseignez-le.</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Incorrect number</source>
            <translation>Nombre incorrect</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Incorrect date</source>
            <translation>Date incorrecte</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>“{value}” is not a date in the expected form YYYY-MM-DD (e.g. {example}).</source>
            <translation>« {value} » n'est pas une date au format attendu AAAA-MM-JJ (par exemple {example}).</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Incorrect format</source>
            <translation>Format incorrect</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>“{value}” does not have the expected format for “{field}” (e.g. {example}).</source>
            <translation>« {value} » n'a pas le format attendu pour « {field} » (par exemple {example}).</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Value too long</source>
            <translation>Valeur trop longue</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Value not allowed</source>
            <translation>Valeur non autorisée</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Allowed value misspelt</source>
            <translation>Valeur autorisée mal orthographiée</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Wrong list separator</source>
            <translation>Mauvais séparateur de liste</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Documented value rejected by the schema</source>
            <translation>Valeur documentée mais refusée par le schéma</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Duplicate identifier</source>
            <translation>Identifiant en double</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Incorrect pivot (SIRET/RNA)</source>
            <translation>Pivot incorrect (SIRET/RNA)</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Incorrect postal code</source>
            <translation>Code postal incorrect</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Incorrect INSEE code</source>
            <translation>Code INSEE incorrect</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Telephone not in international format</source>
            <translation>Téléphone hors du format international</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Spaces around the value</source>
            <translation>Espaces autour de la valeur</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>The value starts or ends with spaces or line breaks. Remove them.</source>
            <translation>La valeur commence ou se termine par des espaces ou des retours à la ligne. Supprimez-les.</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Characters lost by an encoding conversion</source>
            <translation>Caractères perdus lors d'une conversion d'encodage</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Text starting like a spreadsheet formula</source>
            <translation>Texte commençant comme une formule de tableur</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Placeholder pivot 00000000000000</source>
            <translation>Pivot fictif 00000000000000</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>SIRET with a wrong check digit</source>
            <translation>SIRET avec une clé de contrôle erronée</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>SIREN instead of SIRET</source>
            <translation>SIREN au lieu du SIRET</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>RNA number with a wrong format</source>
            <translation>Numéro RNA mal formé</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Pivot neither SIRET nor RNA</source>
            <translation>Pivot ni SIRET ni RNA</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Telephone number that does not exist</source>
            <translation>Numéro de téléphone inexistant</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Incorrect e-mail address</source>
            <translation>Adresse courriel incorrecte</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Incorrect web address</source>
            <translation>Adresse web incorrecte</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Unknown typologie</source>
            <translation>Typologie inconnue</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Opening hours not in OSM format</source>
            <translation>Horaires hors du format OSM</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Unknown postal code</source>
            <translation>Code postal inconnu</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Unknown INSEE code</source>
            <translation>Code INSEE inconnu</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Postal code and INSEE code disagree</source>
            <translation>Code postal et code INSEE incohérents</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Commune name does not match</source>
            <translation>Nom de commune discordant</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Latitude or longitude missing</source>
            <translation>Latitude ou longitude manquante</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Only one of latitude and longitude is filled in: give both, or neither.</source>
            <translation>Seule la latitude ou la longitude est renseignée : indiquez les deux, ou aucune.</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Coordinates 0, 0</source>
            <translation>Coordonnées 0, 0</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Latitude and longitude swapped</source>
            <translation>Latitude et longitude inversées</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Coordinates outside France</source>
            <translation>Coordonnées hors de France</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Coordinates far from the commune</source>
            <translation>Coordonnées éloignées de la commune</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Update date in the future</source>
            <translation>Date de mise à jour dans le futur</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>The update date {value} is in the future. Give the date of the last update.</source>
            <translation>La date de mise à jour {value} est dans le futur. Indiquez la date de la dernière mise à jour.</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Information not updated for 2 years</source>
            <translation>Informations non mises à jour depuis 2 ans</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Filled in although no service is given</source>
            <translation>Renseigné alors qu'aucun service n'est indiqué</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>No service: modalites_acces inconsistent</source>
            <translation>Aucun service : modalites_acces incohérent</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Services given for a lieu that receives no public</source>
            <translation>Services indiqués pour un lieu qui n'accueille pas de public</translation>
        </message>
        <message>
            <location filename="../plugin/gui/validation_dock.py" line="899" />
            <source>“{item}”</source>
            <translation>« {item} »</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="60" />
            <source>The required column “{field}” is missing. Add it (or rename the column that holds this information: columns are matched by their exact name).</source>
            <translation>La colonne obligatoire « {field} » est absente. Ajoutez-la (ou renommez la colonne qui contient cette information : les colonnes sont reconnues par leur nom exact).</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="69" />
            <source>The optional column “{field}” is missing. Add it, even empty, so that the file follows the standard.</source>
            <translation>La colonne facultative « {field} » est absente. Ajoutez-la, même vide, pour que le fichier suive le standard.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="77" />
            <source>The column “{column}” is not defined by the standard: it is kept but not validated. Remove it or rename it to a field of the standard.</source>
            <translation>La colonne « {column} » n'est pas définie par le standard : elle est conservée mais pas validée. Supprimez-la ou renommez-la d'après un champ du standard.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="86" />
            <source>The columns are not in the order of the standard (expected: {expected}). Reorder them; the conformant export writes them in order.</source>
            <translation>Les colonnes ne sont pas dans l'ordre du standard (ordre attendu : {expected}). Remettez-les dans l'ordre ; l'export conforme les écrit dans le bon ordre.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="95" />
            <source>The column name “{column}” appears {count} times in the header: only the first column is read. Rename or remove the duplicates.</source>
            <translation>Le nom de colonne « {column} » apparaît {count} fois dans l'en-tête : seule la première colonne est lue. Renommez ou supprimez les doublons.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="104" />
            <source>Column {column} has no name in the header: it cannot be matched to a field of the standard. Name it or remove it.</source>
            <translation>La colonne {column} n'a pas de nom dans l'en-tête : elle ne peut être associée à aucun champ du standard. Nommez-la ou supprimez-la.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="118" />
            <source>This row has more cells than the header has columns ({count} too many: {value}). Check for an unquoted separator in a value.</source>
            <translation>Cette ligne a plus de cellules que l'en-tête n'a de colonnes ({count} en trop : {value}). Vérifiez qu'aucune valeur ne contient de séparateur sans guillemets.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="127" />
            <source>This row has fewer cells than the header has columns ({count} missing). Check for a line break or a missing separator.</source>
            <translation>Cette ligne a moins de cellules que l'en-tête n'a de colonnes ({count} manquante(s)). Vérifiez qu'il n'y a pas de retour à la ligne ou de séparateur manquant.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="142" />
            <source>“{value}” is not a number: write decimal degrees with a point as decimal separator (e.g. {example}).</source>
            <translation>« {value} » n'est pas un nombre : écrivez des degrés décimaux avec un point comme séparateur décimal (par exemple {example}).</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="162" />
            <source>The text has {length} characters; “{field}” allows at most {max}. Shorten it (the full text can go in presentation_detail).</source>
            <translation>Le texte compte {length} caractères ; « {field} » en admet au plus {max}. Raccourcissez-le (le texte complet peut aller dans presentation_detail).</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="171" />
            <source>{items}: not allowed in “{field}”. Allowed values, separated by “|”: {allowed}.</source>
            <translation>{items} : non autorisé dans « {field} ». Valeurs autorisées, séparées par « | » : {allowed}.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="179" />
            <source>{items}: allowed values must be written exactly (case, accents, spaces). Write “{fix}”.</source>
            <translation>{items} : les valeurs autorisées doivent être écrites exactement (majuscules, accents, espaces). Écrivez « {fix} ».</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="187" />
            <source>Several values must be separated by “|” with no space around it and no empty item. Write “{fix}”.</source>
            <translation>Plusieurs valeurs doivent être séparées par « | », sans espace autour ni élément vide. Écrivez « {fix} ».</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="196" />
            <source>{items}: this wording appears in the standard's documentation but its pattern rejects it. Write “{fix}”.</source>
            <translation>{items} : cette formulation figure dans la documentation du standard, mais son motif de validation la refuse. Écrivez « {fix} ».</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="205" />
            <source>The identifier “{value}” is used by {count} lieux: each lieu needs its own id. Give this one another id.</source>
            <translation>L'identifiant « {value} » est utilisé par {count} lieux : chaque lieu doit avoir son propre id. Donnez un autre id à celui-ci.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="213" />
            <source>“{value}” is not a valid pivot: write the structure's SIRET (14 digits) or RNA number (W followed by 9 characters), letters and digits only, without spaces.</source>
            <translation>« {value} » n'est pas un pivot valide : indiquez le SIRET de la structure (14 chiffres) ou son numéro RNA (W suivi de 9 caractères), en lettres et chiffres uniquement, sans espaces.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="222" />
            <source>“{value}” is not a postal code: write 5 digits, keeping the leading zero (e.g. 04000).</source>
            <translation>« {value} » n'est pas un code postal : écrivez 5 chiffres, en gardant le zéro initial (par exemple 04000).</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="230" />
            <source>“{value}” is not a commune INSEE code: write 5 characters, keeping the leading zero (e.g. 04070, 2A004), not the postal code.</source>
            <translation>« {value} » n'est pas un code INSEE de commune : écrivez 5 caractères, en gardant le zéro initial (par exemple 04070, 2A004), et non le code postal.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="239" />
            <source>“{value}” is not in the international format the standard requires: country code, no leading zero, no spaces (e.g. +33180059880).</source>
            <translation>« {value} » n'est pas au format international exigé par le standard : indicatif du pays, sans zéro initial ni espaces (par exemple +33180059880).</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="254" />
            <source>“{value}” contains “�”: accented characters were lost when the file was converted. Retype them from the original source.</source>
            <translation>« {value} » contient « � » : des caractères accentués ont été perdus lors de la conversion du fichier. Ressaisissez-les d'après la source d'origine.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="263" />
            <source>The text starts with “{item}”: a spreadsheet would run it as a formula (risk of formula injection). Rewrite the beginning of the text.</source>
            <translation>Le texte commence par « {item} » : un tableur l'exécuterait comme une formule (risque d'injection de formule). Reformulez le début du texte.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="272" />
            <source>The pivot 00000000000000 is a placeholder, not an identifier: give the structure's SIRET or RNA number (annuaire-entreprises.data.gouv.fr).</source>
            <translation>Le pivot 00000000000000 est une valeur fictive, pas un identifiant : indiquez le SIRET ou le numéro RNA de la structure (annuaire-entreprises.data.gouv.fr).</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="281" />
            <source>“{value}” has 14 digits but is not a valid SIRET (wrong check digit): a digit is probably mistyped. Check it on annuaire-entreprises.data.gouv.fr.</source>
            <translation>« {value} » a 14 chiffres mais n'est pas un SIRET valide (clé de contrôle erronée) : un chiffre a probablement été mal saisi. Vérifiez-le sur annuaire-entreprises.data.gouv.fr.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="290" />
            <source>“{value}” is a SIREN (9 digits, the company) rather than the SIRET of the establishment (14 digits). Give the SIRET of the lieu.</source>
            <translation>« {value} » est un SIREN (9 chiffres, l'entreprise) et non le SIRET de l'établissement (14 chiffres). Indiquez le SIRET du lieu.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="299" />
            <source>“{value}” looks like an RNA number (association) but an RNA number is a capital W followed by 9 characters (e.g. W751234567). Check it on the Journal officiel des associations.</source>
            <translation>« {value} » ressemble à un numéro RNA (association), mais un numéro RNA est un W majuscule suivi de 9 caractères (par exemple W751234567). Vérifiez-le dans le Journal officiel des associations.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="308" />
            <source>“{value}” is neither a SIRET (14 digits) nor an RNA number (W followed by 9 characters). Check the structure's identifier.</source>
            <translation>« {value} » n'est ni un SIRET (14 chiffres) ni un numéro RNA (W suivi de 9 caractères). Vérifiez l'identifiant de la structure.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="317" />
            <source>“{value}” has the international format but is not an assigned telephone number (wrong length or prefix). Check the number.</source>
            <translation>« {value} » est au format international mais n'est pas un numéro de téléphone attribué (longueur ou préfixe erronés). Vérifiez le numéro.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="326" />
            <source>{items}: not a valid e-mail address (name@domain.fr, no spaces or accents). Separate several addresses with “|”.</source>
            <translation>{items} : adresse courriel non valide (nom@domaine.fr, sans espaces ni accents). Séparez plusieurs adresses par « | ».</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="335" />
            <source>{items}: not a valid web address. Write the full address starting with https:// (several addresses separated by “|” where the field allows a list).</source>
            <translation>{items} : adresse web non valide. Écrivez l'adresse complète, commençant par https:// (plusieurs adresses séparées par « | » si le champ admet une liste).</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="344" />
            <source>{items}: not a typologie code of the national list (e.g. {example}). Use the codes, in capitals, separated by “|”.</source>
            <translation>{items} : code absent de la liste nationale des typologies (par exemple {example}). Utilisez les codes, en majuscules, séparés par « | ».</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="353" />
            <source>The opening hours do not follow the OpenStreetMap opening_hours syntax (e.g. Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00).</source>
            <translation>Les horaires ne suivent pas la syntaxe opening_hours d'OpenStreetMap (par exemple Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00).</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="362" />
            <source>The postal code {value} belongs to no commune (a CEDEX code?). Give the postal code of the lieu's address.</source>
            <translation>Le code postal {value} ne correspond à aucune commune (code CEDEX ?). Indiquez le code postal de l'adresse du lieu.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="371" />
            <source>The INSEE code {value} is not a current commune (merged commune? postal code given instead?). Check it in the Code officiel géographique.</source>
            <translation>Le code INSEE {value} ne correspond à aucune commune actuelle (commune fusionnée ? code postal saisi à la place ?). Vérifiez-le dans le Code officiel géographique.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="380" />
            <source>The postal code {value} is not a postal code of the commune {detail} (INSEE code): one of the two is wrong. Postal codes of that commune: {expected}.</source>
            <translation>Le code postal {value} n'est pas un code postal de la commune {detail} (code INSEE) : l'un des deux est erroné. Codes postaux de cette commune : {expected}.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="389" />
            <source>“{value}” does not match the commune of the codes given ({expected}). Check the commune name and the codes.</source>
            <translation>« {value} » ne correspond pas à la commune des codes indiqués ({expected}). Vérifiez le nom de la commune et les codes.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="405" />
            <source>The coordinates are 0, 0 (in the Gulf of Guinea): a missing position was written as zero. Geocode the address or leave both cells empty.</source>
            <translation>Les coordonnées valent 0, 0 (dans le golfe de Guinée) : une position manquante a été écrite comme zéro. Géocodez l'adresse ou laissez les deux cellules vides.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="414" />
            <source>The point falls outside France but lies in France once latitude and longitude are swapped: exchange the two values.</source>
            <translation>Le point tombe hors de France, mais se trouve en France une fois la latitude et la longitude inversées : échangez les deux valeurs.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="423" />
            <source>The point ({value}) is outside France and its overseas territories. Give WGS 84 coordinates in decimal degrees (not Lambert 93), latitude first.</source>
            <translation>Le point ({value}) est hors de la France métropolitaine et des outre-mer. Indiquez des coordonnées WGS 84 en degrés décimaux (pas en Lambert 93), latitude en premier.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="432" />
            <source>The point is {distance} km from the centre of {detail} (more than {limit} km): the coordinates or the commune are wrong.</source>
            <translation>Le point est à {distance} km du centre de {detail} (plus de {limit} km) : les coordonnées ou la commune sont erronées.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="446" />
            <source>The information was last updated on {value}, more than {limit} days ago: check it with the lieu and update date_maj.</source>
            <translation>Les informations ont été mises à jour pour la dernière fois le {value}, il y a plus de {limit} jours : vérifiez-les auprès du lieu et mettez à jour date_maj.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="455" />
            <source>“{field}” is filled in but “services” is empty: the Cartographie nationale ignores it. Give the lieu's services or empty this cell.</source>
            <translation>« {field} » est renseigné mais « services » est vide : la Cartographie nationale l'ignore. Indiquez les services du lieu ou videz cette cellule.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="464" />
            <source>“services” is empty: a lieu without services is shown as “Ce lieu n'accueille pas de public”. Give its services, or write that value in modalites_acces.</source>
            <translation>« services » est vide : un lieu sans services est affiché comme « Ce lieu n'accueille pas de public ». Indiquez ses services, ou écrivez cette valeur dans modalites_acces.</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="473" />
            <source>modalites_acces says “Ce lieu n'accueille pas de public” although services are given: the Cartographie nationale drops that value. Remove it or empty services.</source>
            <translation>modalites_acces indique « Ce lieu n'accueille pas de public » alors que des services sont indiqués : la Cartographie nationale écarte cette valeur. Retirez-la ou videz services.</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>Probable duplicate</source>
            <translation>Doublon probable</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/duplicates.py" line="58" />
            <source>same pivot</source>
            <translation>même pivot</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/duplicates.py" line="59" />
            <source>same name and address</source>
            <translation>même nom et même adresse</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/duplicates.py" line="60" />
            <source>same name</source>
            <translation>même nom</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/duplicates.py" line="409" />
            <source>at the same address (coordinates missing)</source>
            <translation>à la même adresse (coordonnées manquantes)</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/duplicates.py" line="411" />
            <source>{distance} m apart</source>
            <translation>à {distance} m l'un de l'autre</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="473" />
            <source>Probably the same lieu as “{detail}” (id {value}): {item}, {distance}. Merge the two lieux, or accept this issue if they are distinct lieux.</source>
            <translation>Probablement le même lieu que « {detail} » (id {value}) : {item}, {distance}. Fusionnez les deux lieux, ou acceptez cette anomalie s'il s'agit de lieux distincts.</translation>
        </message>
        <message>
            <location filename="../plugin/core/validation/codes.py" line="54" />
            <source>No lieu</source>
            <translation>Aucun lieu</translation>
        </message>
        <message>
            <location filename="plugin/core/validation/codes.py" line="112" />
            <source>The table holds no lieu (a header and no data row): there is nothing to publish. Check that the right file or sheet was chosen.</source>
            <translation>Le tableau ne contient aucun lieu (un en-tête, aucune ligne de données) : il n'y a rien à publier. Vérifiez que le bon fichier ou la bonne feuille a été choisi.</translation>
        </message>
    </context>
    <context>
        <name>ValidationDock</name>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="118" />
            <source>Validation</source>
            <translation>Validation</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="146" />
            <source>Working layer of lieux to validate</source>
            <translation>Couche de travail des lieux à valider</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="149" />
            <source>Validate</source>
            <translation>Valider</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="150" />
            <source>Validate the whole layer again (in the background)</source>
            <translation>Valider à nouveau toute la couche (en arrière-plan)</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="170" />
            <source>by lieu</source>
            <translation>par lieu</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="171" />
            <source>by rule</source>
            <translation>par règle</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="173" />
            <source>All severities</source>
            <translation>Toutes les gravités</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="174" />
            <source>Errors</source>
            <translation>Erreurs</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="175" />
            <source>Warnings</source>
            <translation>Avertissements</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="183" />
            <source>Search a lieu…</source>
            <translation>Rechercher un lieu…</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="184" />
            <source>Show the lieux whose name, id or commune contains this text</source>
            <translation>Afficher les lieux dont le nom, l'id ou la commune contient ce texte</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="186" />
            <source>Map extent</source>
            <translation>Emprise de la carte</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="187" />
            <source>Only the lieux in the current map extent</source>
            <translation>Uniquement les lieux dans l'emprise actuelle de la carte</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="226" />
            <source>Select an issue to see its message and suggested fix.</source>
            <translation>Sélectionnez une anomalie pour voir son message et la correction proposée.</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="232" />
            <source>Apply the fix</source>
            <translation>Appliquer la correction</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="233" />
            <source>Write the suggested value (one undo step: Ctrl+Z)</source>
            <translation>Écrire la valeur proposée (annulable en une fois : Ctrl+Z)</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="234" />
            <source>Fix the whole rule</source>
            <translation>Corriger toute la règle</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="235" />
            <source>Apply every safe fix of this rule, in all lieux (one undo step)</source>
            <translation>Appliquer toutes les corrections sûres de cette règle, dans tous les lieux (annulable en une fois)</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="236" />
            <source>Accept…</source>
            <translation>Accepter…</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="237" />
            <source>Accept this issue with a reason: it is no longer counted</source>
            <translation>Accepter cette anomalie en indiquant un motif : elle n'est plus comptée</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="238" />
            <source>Merge…</source>
            <translation>Fusionner…</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="239" />
            <source>Merge this lieu and its probable duplicate</source>
            <translation>Fusionner ce lieu et son doublon probable</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="240" />
            <source>Open the form</source>
            <translation>Ouvrir le formulaire</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="242" />
            <source>Report</source>
            <translation>Rapport</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="243" />
            <source>Export the issues for the producers</source>
            <translation>Exporter les anomalies pour les producteurs</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="248" />
            <source>Printable HTML report…</source>
            <translation>Rapport HTML imprimable…</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="249" />
            <source>Issues as CSV…</source>
            <translation>Anomalies en CSV…</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="271" />
            <source>All fields</source>
            <translation>Tous les champs</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="272" />
            <source>Only the issues of one field</source>
            <translation>Uniquement les anomalies d'un champ</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="273" />
            <source>Only the issues of one rule</source>
            <translation>Uniquement les anomalies d'une règle</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="277" />
            <source>All rules</source>
            <translation>Toutes les règles</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="414" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="782" />
            <source>Lieux merged. Ctrl+Z undoes it; the merge is journaled when you save the layer.</source>
            <translation>Lieux fusionnés. Ctrl+Z annule la fusion ; elle est consignée dans le journal à l'enregistrement de la couche.</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="898" />
            <source>Validation dock</source>
            <translation>Panneau de validation</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="188" />
            <source>Group</source>
            <translation>Regrouper</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="446" />
            <source>Choose a working layer of lieux (open a lieux file first).</source>
            <translation>Choisissez une couche de travail de lieux (ouvrez d'abord un fichier de lieux).</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="451" />
            <source>&lt;b style="color:{error}"&gt;{errors}&lt;/b&gt; errors · &lt;b style="color:{warning}"&gt;{warnings}&lt;/b&gt; warnings · {accepted} accepted&lt;br&gt;{lieux_errors} lieux with errors, {lieux_warnings} with warnings only, {clean} without issue</source>
            <translation>Erreurs : &lt;b style="color:{error}"&gt;{errors}&lt;/b&gt; · avertissements : &lt;b style="color:{warning}"&gt;{warnings}&lt;/b&gt; · acceptées : {accepted}&lt;br&gt;Lieux en erreur : {lieux_errors}, avec avertissements seuls : {lieux_warnings}, sans anomalie : {clean}</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="587" />
            <source>(empty the cell)</source>
            <translation>(vider la cellule)</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="618" />
            <source>Withdraw acceptance</source>
            <translation>Retirer l'acceptation</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="661" />
            <source>Fix {code} of {lieu}</source>
            <translation>Corriger {code} de {lieu}</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="709" />
            <source>Accept the issue</source>
            <translation>Accepter l'anomalie</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="718" />
            <source>Give a reason to accept an issue.</source>
            <translation>Indiquez un motif pour accepter une anomalie.</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="726" />
            <source>This layer is not a GeoPackage: the acceptance lasts until QGIS is closed.</source>
            <translation>Cette couche n'est pas un GeoPackage : l'acceptation dure jusqu'à la fermeture de QGIS.</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="751" />
            <source>The other lieu is no longer a probable duplicate: validate again.</source>
            <translation>L'autre lieu n'est plus un doublon probable : validez à nouveau.</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="856" />
            <source>HTML report (*.html)</source>
            <translation>Rapport HTML (*.html)</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="856" />
            <source>CSV file (*.csv)</source>
            <translation>Fichier CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="857" />
            <source>Export the issues</source>
            <translation>Exporter les anomalies</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="903" />
            <source>Issues of the working layer, live: fixes, acceptances, duplicates, report</source>
            <translation>Anomalies de la couche de travail, en direct : corrections, acceptations, doublons, rapport</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="416" />
            <source>Validating {name}…</source>
            <translation>Validation de {name}…</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="557" />
            <source>This lieu has no coordinates: it is not on the map.</source>
            <translation>Ce lieu n'a pas de coordonnées : il n'est pas sur la carte.</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="670" />
            <source>Fix all “{rule}” ({n})</source>
            <translation>Corriger « {rule} » partout ({n})</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="865" />
            <source>Report of {name}</source>
            <translation>Rapport de {name}</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="877" />
            <source>Report written: {path}</source>
            <translation>Rapport écrit : {path}</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="585" />
            <source>Value: {value}</source>
            <translation>Valeur : {value}</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="588" />
            <source>Suggested fix: {fix}</source>
            <translation>Correction proposée : {fix}</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="591" />
            <source>Accepted on {date} by {who}: {reason}</source>
            <translation>Acceptée le {date} par {who} : {reason}</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="614" />
            <source>Apply every safe fix of the rule “{rule}” in all lieux (one undo step)</source>
            <translation>Appliquer toutes les corrections sûres de la règle « {rule} » dans tous les lieux (annulable en une fois)</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="681" />
            <source>{done} of {total} cells fixed: the others changed since the validation.</source>
            <translation>{done} cellule(s) corrigée(s) sur {total} : les autres ont changé depuis la validation.</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="688" />
            <source>{n} cells fixed. Ctrl+Z undoes it; save the layer to keep it.</source>
            <translation>Cellules corrigées : {n}. Ctrl+Z annule ; enregistrez la couche pour conserver les corrections.</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="710" />
            <source>Why is “{rule}” acceptable for {lieu}? (kept in the GeoPackage with your name)</source>
            <translation>Pourquoi l'anomalie « {rule} » est-elle acceptable pour {lieu} ? (motif conservé dans le GeoPackage avec votre nom)</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/validation_edits.py" line="121" />
            <source>Merge {removed} into {kept}</source>
            <translation>Fusionner {removed} dans {kept}</translation>
        </message>
        <message>
            <location filename="plugin/gui/validation_dock.py" line="462" />
            <source>{n} issues shown (filters on)</source>
            <translation>Anomalies affichées : {n} (filtres actifs)</translation>
        </message>
    </context>
    <context>
        <name>ValidationEdits</name>
        <message>
            <location filename="../plugin/qgis/validation_edits.py" line="35" />
            <source>The layer {name} cannot be edited (read-only file or provider).</source>
            <translation>La couche {name} ne peut pas être modifiée (fichier ou fournisseur en lecture seule).</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/validation_edits.py" line="82" />
            <source>One of the two lieux no longer exists: validate the layer again.</source>
            <translation>L'un des deux lieux n'existe plus : validez à nouveau la couche.</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/validation_edits.py" line="98" />
            <source>The merged lieu could not be deleted.</source>
            <translation>Le lieu fusionné n'a pas pu être supprimé.</translation>
        </message>
    </context>
    <context>
        <name>ValidationOverlay</name>
        <message>
            <location filename="../plugin/qgis/validation_overlay.py" line="100" />
            <source>Validation: {name}</source>
            <translation>Validation : {name}</translation>
        </message>
    </context>
    <context>
        <name>ValidationReport</name>
        <message>
            <location filename="plugin/core/report_html.py" line="64" />
            <source>error</source>
            <translation>erreur</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="64" />
            <source>warning</source>
            <translation>avertissement</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="123" />
            <source>File</source>
            <translation>Fichier</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="168" />
            <source>Validation report</source>
            <translation>Rapport de validation</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="173" />
            <source>Conforms to the standard</source>
            <translation>Conforme au standard</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="173" />
            <source>Does not conform to the standard</source>
            <translation>Non conforme au standard</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="100" />
            <source>Severity</source>
            <translation>Gravité</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="100" />
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="100" />
            <source>Rule</source>
            <translation>Règle</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="100" />
            <source>Issues</source>
            <translation>Anomalies</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="100" />
            <source>Safe fixes</source>
            <translation>Corrections sûres</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="144" />
            <source>Field</source>
            <translation>Champ</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="144" />
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="144" />
            <source>Value</source>
            <translation>Valeur</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="144" />
            <source>Suggested fix</source>
            <translation>Correction proposée</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="109" />
            <source>Errors</source>
            <translation>Erreurs</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="109" />
            <source>Warnings</source>
            <translation>Avertissements</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="109" />
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="123" />
            <source>Row {row}</source>
            <translation>Ligne {row}</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="210" />
            <source>Commune</source>
            <translation>Commune</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="105" />
            <source>(whole row or file)</source>
            <translation>(ligne entière ou fichier)</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="190" />
            <source>lieux</source>
            <translation>lieux</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="191" />
            <source>errors (blocking)</source>
            <translation>erreurs (bloquantes)</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="193" />
            <source>warnings (not blocking)</source>
            <translation>avertissements (non bloquants)</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="194" />
            <source>safe fixes suggested</source>
            <translation>corrections sûres proposées</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="196" />
            <source>Errors make the file non-conformant to the national standard (what schema.data.gouv.fr and Validata check). Warnings point to doubtful or unusable information beyond the schema. A suggested fix can be applied automatically (option --fix or the validation dock).</source>
            <translation>Les erreurs rendent le fichier non conforme au standard national (ce que contrôlent schema.data.gouv.fr et Validata). Les avertissements signalent des informations douteuses ou inexploitables, au-delà du schéma. Une correction proposée peut être appliquée automatiquement (option --fix ou panneau de validation).</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="202" />
            <source>Summary by rule</source>
            <translation>Synthèse par règle</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="236" />
            <source>Row</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="236" />
            <source>id</source>
            <translation>id</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="236" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="240" />
            <source>Issues, lieu by lieu</source>
            <translation>Anomalies, lieu par lieu</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="132" />
            <source>(empty the cell)</source>
            <translation>(vider la cellule)</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="199" />
            <source>No issue found.</source>
            <translation>Aucune anomalie trouvée.</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="220" />
            <source>Lieux with the most issues</source>
            <translation>Lieux ayant le plus d'anomalies</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="182" />
            <source>File: {source} · {rows} lieux · schema {version} · {date}</source>
            <translation>Fichier : {source} · {rows} lieux · schéma {version} · {date}</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="282" />
            <source>Lieu</source>
            <translation>Lieu</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="282" />
            <source>Reason</source>
            <translation>Motif</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="280" />
            <source>Accepted issues</source>
            <translation>Anomalies acceptées</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="281" />
            <source>Issues a Hub agent accepted in the validation dock, with the reason given: they are not counted above.</source>
            <translation>Anomalies acceptées par un agent du Hub dans le panneau de validation, avec le motif indiqué : elles ne sont pas comptées ci-dessus.</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="197" />
            <source>accepted issues (not counted)</source>
            <translation>anomalies acceptées (non comptées)</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="243" />
            <source>Lieux with issues</source>
            <translation>Lieux avec anomalies</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="216" />
            <source>Lieux</source>
            <translation>Lieux</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="216" />
            <source>Examples</source>
            <translation>Exemples</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="383" />
            <source>Summary by field</source>
            <translation>Synthèse par champ</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="240" />
            <source>(no commune)</source>
            <translation>(sans commune)</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="386" />
            <source>Summary by commune</source>
            <translation>Synthèse par commune</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="374" />
            <source>This page lists {listed} of the {total} issues one by one (the file's own issues, then the lieux with errors, then the others, in file order); the summaries below count them all. The full list is the CSV report (validation dock, mednum:report) or the JSON report (--format json).</source>
            <translation>Cette page détaille {listed} des {total} anomalies (celles du fichier entier, puis les lieux qui ont des erreurs, puis les autres, dans l'ordre du fichier) ; les synthèses ci-dessous les comptent toutes. La liste complète est le rapport CSV (panneau Validation, mednum:report) ou le rapport JSON (--format json).</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="434" />
            <source>… and {count} more issues in {lieux} lieux, not listed here: see the CSV or JSON report.</source>
            <translation>… et {count} autres anomalies dans {lieux} lieux, non détaillées ici : voir le rapport CSV ou JSON.</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="464" />
            <source>… and {count} more accepted issues: see the CSV report.</source>
            <translation>… et {count} autres anomalies acceptées : voir le rapport CSV.</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="248" />
            <source>{n} other communes</source>
            <translation>{n} autres communes</translation>
        </message>
        <message>
            <location filename="plugin/core/report_html.py" line="262" />
            <source>… and {count} more communes with fewer issues ({lieux} lieux with issues), not listed here: the CSV report (validation dock, mednum:report) gives the commune of every issue.</source>
            <translation>… et {count} autres communes ayant moins d'anomalies ({lieux} lieux avec anomalies), non listées ici : le rapport CSV (panneau de validation, mednum:report) donne la commune de chaque anomalie.</translation>
        </message>
    </context>
    <context>
        <name>WorkingLayer</name>
        <message>
            <location filename="../plugin/qgis/working_layer.py" line="93" />
            <source>Import canceled.</source>
            <translation>Import annulé.</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/working_layer.py" line="141" />
            <source>The lieux could not be written to the layer: {error}</source>
            <translation>Les lieux n'ont pas pu être écrits dans la couche : {error}</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/working_layer.py" line="327" />
            <source>The default style could not be loaded: {error}</source>
            <translation>Le style par défaut n'a pas pu être chargé : {error}</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/working_layer.py" line="333" />
            <source>No service given</source>
            <translation>Aucun service indiqué</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/working_layer.py" line="333" />
            <source>1 or 2 services</source>
            <translation>1 ou 2 services</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/working_layer.py" line="333" />
            <source>3 to 5 services</source>
            <translation>3 à 5 services</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/working_layer.py" line="333" />
            <source>6 services or more</source>
            <translation>6 services ou plus</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/working_layer.py" line="410" />
            <source>Lieux de médiation numérique: form and style</source>
            <translation>Lieux de médiation numérique : formulaire et style</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/working_layer.py" line="414" />
            <source>The form and style could not be stored with the layer: {error}</source>
            <translation>Le formulaire et le style n'ont pas pu être enregistrés avec la couche : {error}</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/working_layer.py" line="512" />
            <source>The GeoPackage {path} could not be created: {error}</source>
            <translation>Le GeoPackage {path} n'a pas pu être créé : {error}</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/working_layer.py" line="677" />
            <source>The lieux could not be written to {path}: {error}</source>
            <translation>Les lieux n'ont pas pu être écrits dans {path} : {error}</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/working_layer.py" line="698" />
            <source>{path} has no layer “{table}”: it is not a working GeoPackage of lieux.</source>
            <translation>{path} n'a pas de couche « {table} » : ce n'est pas un GeoPackage de travail de lieux.</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/working_layer.py" line="704" />
            <source>The layer “{table}” of {path} does not have the fields of the standard.</source>
            <translation>La couche « {table} » de {path} n'a pas les champs du standard.</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/working_layer.py" line="720" />
            <source>The working GeoPackage {path} cannot be opened.</source>
            <translation>Le GeoPackage de travail {path} ne peut pas être ouvert.</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/working_layer.py" line="777" />
            <source>Lieux — {name}</source>
            <translation>Lieux — {name}</translation>
        </message>
        <message>
            <location filename="../plugin/qgis/working_layer.py" line="681" />
            <source>The lieux could not be written: a value holds a character that cannot be stored as UTF-8 text (a lone surrogate, U+D800 to U+DFFF). Correct the source file and import it again.</source>
            <translation>Les lieux n'ont pas pu être écrits : une valeur contient un caractère impossible à enregistrer en texte UTF-8 (demi-caractère isolé, U+D800 à U+DFFF). Corrigez le fichier source et importez-le à nouveau.</translation>
        </message>
    </context>
    <context>
        <name>WriteError</name>
        <message>
            <location filename="../plugin/core/writers.py" line="59" />
            <source>Refusing to overwrite the source file {name}: choose another file name for the export.</source>
            <translation>Le fichier source {name} ne sera pas écrasé : choisissez un autre nom de fichier pour l'export.</translation>
        </message>
        <message>
            <location filename="../plugin/core/writers.py" line="138" />
            <source>Cannot export to {name}: choose a .csv, .json or .geojson file.</source>
            <translation>Impossible d'exporter vers {name} : choisissez un fichier .csv, .json ou .geojson.</translation>
        </message>
        <message>
            <location filename="../plugin/core/writers.py" line="164" />
            <source>Cannot write {name}: the folder {folder} does not exist.</source>
            <translation>Impossible d'écrire {name} : le dossier {folder} n'existe pas.</translation>
        </message>
        <message>
            <location filename="../plugin/core/writers.py" line="168" />
            <source>Cannot write {name}: it is a folder.</source>
            <translation>Impossible d'écrire {name} : c'est un dossier.</translation>
        </message>
        <message>
            <location filename="../plugin/core/writers.py" line="180" />
            <source>Cannot write {name}: permission denied (is the file open in another program?).</source>
            <translation>Impossible d'écrire {name} : permission refusée (le fichier est-il ouvert dans un autre programme ?).</translation>
        </message>
        <message>
            <location filename="../plugin/core/writers.py" line="187" />
            <source>Cannot write {name} ({detail}).</source>
            <translation>Impossible d'écrire {name} ({detail}).</translation>
        </message>
        <message>
            <location filename="../plugin/core/writers.py" line="98" />
            <source>Nothing was written to « {name} »: {count} of the {total} lieux have no value in any column written (lieux n° {positions}). A file cannot hold them: they would be read back as blank rows, i.e. lost. Fill them in or delete them; if their data is in columns that are not fields of the standard (kept aside at the import), export those source columns too.</source>
            <translation>Rien n'a été écrit dans « {name} » : {count} des {total} lieux n'ont aucune valeur dans les colonnes écrites (lieux n° {positions}). Un fichier ne peut pas les contenir : ils seraient relus comme des lignes vides, donc perdus. Complétez-les ou supprimez-les ; si leurs données sont dans des colonnes qui ne sont pas des champs du standard (mises de côté à l'import), exportez aussi ces colonnes source.</translation>
        </message>
    </context>
</TS>

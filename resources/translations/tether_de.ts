<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccessList</name>
    <message>
        <source>cannot create %1 (is the disk full or read-only?); nothing was changed</source>
        <translation>%1 kann nicht angelegt werden (ist der Datenträger voll oder schreibgeschützt?); nichts wurde geändert</translation>
    </message>
    <message>
        <source>another Tether process is writing the list of programs allowed to take tokens; try again</source>
        <translation>ein anderer Tether-Prozess schreibt gerade die Liste der Programme, die Tokens nehmen dürfen; versuchen Sie es noch einmal</translation>
    </message>
    <message>
        <source>cannot write %1: %2 (is the disk full or read-only?); nothing was changed</source>
        <translation>%1 kann nicht geschrieben werden: %2 (ist der Datenträger voll oder schreibgeschützt?); nichts wurde geändert</translation>
    </message>
    <message>
        <source>“%1” names no program: give the full path of its executable, or its Flatpak application id</source>
        <translation>„%1“ bezeichnet kein Programm: Geben Sie den vollständigen Pfad seiner ausführbaren Datei oder seine Flatpak-Anwendungskennung an</translation>
    </message>
    <message>
        <source>it added the account</source>
        <translation>es hat das Konto hinzugefügt</translation>
    </message>
    <message>
        <source>your answer when it asked</source>
        <translation>Ihre Antwort auf seine Frage</translation>
    </message>
    <message>
        <source>set by you</source>
        <translation>von Ihnen festgelegt</translation>
    </message>
</context>
<context>
    <name>Account</name>
    <message>
        <source>an account has no valid id</source>
        <translation>ein Konto hat keine gültige ID</translation>
    </message>
    <message>
        <source>account %1 has an unknown client_auth</source>
        <translation>Konto %1 hat eine unbekannte client_auth</translation>
    </message>
    <message>
        <source>account %1 names no provider</source>
        <translation>Konto %1 nennt keinen Anbieter</translation>
    </message>
    <message>
        <source>account %1 has an unknown state</source>
        <translation>Konto %1 hat einen unbekannten Zustand</translation>
    </message>
</context>
<context>
    <name>AccountEditor</name>
    <message>
        <source>account %1 uses the provider profile &quot;%2&quot;, which is not installed</source>
        <translation>Konto %1 verwendet das Anbieterprofil „%2“, das nicht installiert ist</translation>
    </message>
    <message>
        <source>an account &quot;%1&quot; exists already; remove it first to replace it</source>
        <translation>ein Konto „%1“ gibt es schon; entfernen Sie es zuerst, um es zu ersetzen</translation>
    </message>
    <message>
        <source>added %1</source>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>nichts zu ändern</translation>
    </message>
    <message>
        <source>changed the settings of %1</source>
        <translation>die Einstellungen von %1 wurden geändert</translation>
    </message>
    <message>
        <source>the token response is not usable: %1</source>
        <translation>die Token-Antwort ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>stored new tokens for %1</source>
        <translation>neue Tokens für %1 gespeichert</translation>
    </message>
    <message>
        <source>removed %1; %2</source>
        <translation>%1 entfernt; %2</translation>
    </message>
    <message>
        <source>disconnected %1; %2</source>
        <translation>%1 getrennt; %2</translation>
    </message>
    <message>
        <source>it held no tokens</source>
        <translation>es hatte keine Tokens</translation>
    </message>
    <message>
        <source>%1 offers no revocation, so its tokens stay valid there until they expire</source>
        <translation>%1 bietet keinen Widerruf an, daher bleiben seine Tokens dort gültig, bis sie ablaufen</translation>
    </message>
    <message>
        <source>its tokens were only forgotten here and stay valid at %1 until they expire</source>
        <translation>seine Tokens wurden nur hier vergessen und bleiben bei %1 gültig, bis sie ablaufen</translation>
    </message>
    <message>
        <source>its tokens were forgotten here, but may stay valid at %1 until they expire</source>
        <translation>seine Tokens wurden hier vergessen, können bei %1 aber gültig bleiben, bis sie ablaufen</translation>
    </message>
    <message>
        <source>the provider could not be told to revoke a token (%1)</source>
        <translation>dem Anbieter konnte der Widerruf eines Tokens nicht mitgeteilt werden (%1)</translation>
    </message>
    <message>
        <source>%1 revoked its refresh token and its access token</source>
        <translation>%1 hat das Refresh-Token und das Zugriffstoken widerrufen</translation>
    </message>
    <message>
        <source>%1 revoked its refresh token; its access token had expired already</source>
        <translation>%1 hat das Refresh-Token widerrufen; das Zugriffstoken war bereits abgelaufen</translation>
    </message>
    <message>
        <source>%1 revoked its refresh token; its access token may stay valid there until %2</source>
        <translation>%1 hat das Refresh-Token widerrufen; das Zugriffstoken kann dort bis %2 gültig bleiben</translation>
    </message>
    <message>
        <source>%1 revoked its access token (it had no refresh token)</source>
        <translation>%1 hat das Zugriffstoken widerrufen (es gab kein Refresh-Token)</translation>
    </message>
    <message>
        <source>%1 revoked its access token, but not its refresh token, which may stay valid there</source>
        <translation>%1 hat das Zugriffstoken widerrufen, aber nicht das Refresh-Token, das dort gültig bleiben kann</translation>
    </message>
    <message>
        <source>this process keeps no access list</source>
        <translation>dieser Prozess führt keine Zugriffsliste</translation>
    </message>
    <message>
        <source>%1 will be asked before it takes the token of %2</source>
        <translation>%1 wird gefragt, bevor es das Token von %2 nimmt</translation>
    </message>
    <message>
        <source>%1 may take the token of %2 without a question</source>
        <translation>%1 darf das Token von %2 ohne Rückfrage nehmen</translation>
    </message>
    <message>
        <source>%1 is refused the token of %2 without a question</source>
        <translation>%1 wird das Token von %2 ohne Rückfrage verweigert</translation>
    </message>
    <message>
        <source>the programs allowed to take its token are still listed: %1</source>
        <translation>die Programme, die sein Token nehmen dürfen, sind noch eingetragen: %1</translation>
    </message>
</context>
<context>
    <name>AccountEndpoints</name>
    <message>
        <source>account %1 has no token endpoint</source>
        <translation>Konto %1 hat keinen Token-Endpunkt</translation>
    </message>
    <message>
        <source>%1 needs your tenant as its issuer, such as %2</source>
        <translation>%1 braucht Ihren Mandanten als Aussteller, etwa %2</translation>
    </message>
</context>
<context>
    <name>AccountLock</name>
    <message>
        <source>cannot create a lock file in %1 (is its disk full?)</source>
        <translation>in %1 lässt sich keine Sperrdatei anlegen (ist der Datenträger voll?)</translation>
    </message>
    <message>
        <source>another Tether process is refreshing this account and has not finished; try again</source>
        <translation>ein anderer Tether-Prozess erneuert dieses Konto und ist noch nicht fertig; versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>another Tether process (%1) is refreshing this account but is stopped; try again once it goes on, or end it</source>
        <translation>ein anderer Tether-Prozess (%1) erneuert dieses Konto, ist aber angehalten; versuchen Sie es erneut, sobald er weiterläuft, oder beenden Sie ihn</translation>
    </message>
</context>
<context>
    <name>AccountRegistry</name>
    <message>
        <source>no account &quot;%1&quot;; the account list shows the ones there are</source>
        <translation>kein Konto „%1“; die Kontenliste zeigt, welche es gibt</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is implausibly large; it was left as it is</source>
        <translation>%1 ist unplausibel groß; die Datei wurde nicht verändert</translation>
    </message>
    <message>
        <source>the account registry %1 is unreadable (%2); it was not changed and a copy is kept at %3; repair or remove it to go on</source>
        <translation>die Kontenliste %1 ist nicht lesbar (%2); sie wurde nicht verändert, eine Kopie liegt unter %3; reparieren oder entfernen Sie sie, um fortzufahren</translation>
    </message>
    <message>
        <source>%1 at byte %2</source>
        <translation>%1 bei Byte %2</translation>
    </message>
    <message>
        <source>no schema version</source>
        <translation>keine Schemaversion</translation>
    </message>
    <message>
        <source>the account registry %1 was written by a newer Tether (schema %2; this one reads %3); update Tether</source>
        <translation>die Kontenliste %1 wurde von einem neueren Tether geschrieben (Schema %2; dieses liest %3); aktualisieren Sie Tether</translation>
    </message>
    <message>
        <source>schema version %1</source>
        <translation>Schemaversion %1</translation>
    </message>
    <message>
        <source>account %1 appears twice</source>
        <translation>Konto %1 kommt zweimal vor</translation>
    </message>
    <message>
        <source>cannot write %1: %2 (is the disk full or read-only?); nothing was changed</source>
        <translation>%1 kann nicht geschrieben werden: %2 (ist der Datenträger voll oder schreibgeschützt?); nichts wurde geändert</translation>
    </message>
    <message>
        <source>cannot create %1 (is the disk full or read-only?); nothing was changed</source>
        <translation>%1 kann nicht angelegt werden (ist der Datenträger voll oder schreibgeschützt?); nichts wurde geändert</translation>
    </message>
    <message>
        <source>cannot write in %1 (is the disk full or read-only?); nothing was changed</source>
        <translation>in %1 kann nicht geschrieben werden (ist der Datenträger voll oder schreibgeschützt?); nichts wurde geändert</translation>
    </message>
    <message>
        <source>another Tether process is holding the account registry; try again</source>
        <translation>ein anderer Tether-Prozess hält die Kontenliste; versuchen Sie es erneut</translation>
    </message>
</context>
<context>
    <name>AccountSecrets</name>
    <message>
        <source>the keychain is locked, so the secrets of %1 cannot be read: unlock it and try again (nothing was changed)</source>
        <translation>der Schlüsselbund ist gesperrt, daher können die Geheimnisse von %1 nicht gelesen werden: entsperren Sie ihn und versuchen Sie es erneut (nichts wurde geändert)</translation>
    </message>
    <message>
        <source>the keychain is unlocked but holds no secrets for %1 although Tether stored them (a reset keyring, or an account list copied from another machine): sign in again, and set the client secret again if it has one</source>
        <translation>der Schlüsselbund ist entsperrt, enthält aber keine Geheimnisse für %1, obwohl Tether sie gespeichert hat (ein zurückgesetzter Schlüsselbund oder eine von einem anderen Rechner kopierte Kontenliste): melden Sie sich erneut an und setzen Sie das Client-Geheimnis neu, falls es eines hat</translation>
    </message>
</context>
<context>
    <name>AccountValidation</name>
    <message>
        <source>the redirect URI must be a loopback address with a port, such as http://127.0.0.1:8400/callback</source>
        <translation>die Weiterleitungs-URI muss eine Loopback-Adresse mit Port sein, etwa http://127.0.0.1:8400/callback</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid account id: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;@&apos; or &apos;-&apos;</source>
        <translation>„%1“ ist keine gültige Konto-ID: verwenden Sie 1 bis 64 Buchstaben, Ziffern, „.“, „_“, „@“ oder „-“</translation>
    </message>
    <message>
        <source>there is no provider &quot;%1&quot;; the provider list shows the ones there are</source>
        <translation>es gibt keinen Anbieter „%1“; die Anbieterliste zeigt, welche es gibt</translation>
    </message>
    <message>
        <source>the client id is required: the id the provider registered for your application</source>
        <translation>die Client-ID ist erforderlich: die ID, die der Anbieter für Ihre Anwendung registriert hat</translation>
    </message>
    <message>
        <source>%1 needs the issuer&apos;s URL, where its discovery document is</source>
        <translation>%1 braucht die URL des Ausstellers, unter der sein Discovery-Dokument liegt</translation>
    </message>
    <message>
        <source>%1 authenticates the client with a secret (client authentication &quot;%2&quot;): give the client secret</source>
        <translation>%1 authentifiziert den Client mit einem Geheimnis (Client-Authentifizierung „%2“): geben Sie das Client-Geheimnis an</translation>
    </message>
    <message numerus="yes">
        <source>the %1 is longer than %n characters</source>
        <translation>
            <numerusform>%1: länger als %n Zeichen</numerusform>
            <numerusform>%1: länger als %n Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <source>client secret</source>
        <translation>Client-Geheimnis</translation>
    </message>
    <message>
        <source>the client secret contains control characters; give it without a line break</source>
        <translation>Das Client-Geheimnis enthält Steuerzeichen; geben Sie es ohne Zeilenumbruch an</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>token endpoint</source>
        <translation>Token-Endpunkt</translation>
    </message>
    <message>
        <source>authorization endpoint</source>
        <translation>Autorisierungs-Endpunkt</translation>
    </message>
    <message>
        <source>revocation endpoint</source>
        <translation>Widerrufs-Endpunkt</translation>
    </message>
    <message>
        <source>device sign-in endpoint</source>
        <translation>Endpunkt für die Anmeldung auf einem anderen Gerät</translation>
    </message>
    <message>
        <source>redirect URI</source>
        <translation>Weiterleitungs-URI</translation>
    </message>
    <message>
        <source>the %1 contains control characters</source>
        <translation>%1: enthält Steuerzeichen</translation>
    </message>
    <message>
        <source>the scope must be scope names separated by spaces, each of printable ASCII without quotes or backslashes</source>
        <translation>Der Scope muss aus durch Leerzeichen getrennten Namen bestehen, jeder aus druckbarem ASCII ohne Anführungszeichen oder Backslashes</translation>
    </message>
</context>
<context>
    <name>BusApi</name>
    <message>
        <source>the Tether service did not answer (%1); try again</source>
        <translation>der Tether-Dienst hat nicht geantwortet (%1); versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>the setting %1 must be a boolean</source>
        <translation>Die Einstellung %1 muss ein Wahrheitswert sein</translation>
    </message>
    <message>
        <source>the setting %1 must be a string</source>
        <translation>Die Einstellung %1 muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>there is no setting &quot;%1&quot;</source>
        <translation>Es gibt keine Einstellung „%1“</translation>
    </message>
    <message>
        <source>the client authentication must be basic, post or none</source>
        <translation>Die Client-Authentifizierung muss basic, post oder none sein</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>run Tether&apos;s session service in the foreground (what the systemd user unit runs)</source>
        <translation>den Sitzungsdienst von Tether im Vordergrund ausführen (was die systemd-Benutzer-Unit ausführt)</translation>
    </message>
    <message>
        <source>list the built-in provider profiles</source>
        <translation>die eingebauten Anbieterprofile auflisten</translation>
    </message>
    <message>
        <source>add an account (the client secret is read from standard input)</source>
        <translation>ein Konto hinzufügen (das Client-Geheimnis wird von der Standardeingabe gelesen)</translation>
    </message>
    <message>
        <source>change an account&apos;s settings; its tokens stay (a new client secret is read from standard input)</source>
        <translation>die Einstellungen eines Kontos ändern; seine Tokens bleiben (ein neues Client-Geheimnis wird von der Standardeingabe gelesen)</translation>
    </message>
    <message>
        <source>every account with its state and expiries</source>
        <translation>jedes Konto mit Zustand und Ablaufzeiten</translation>
    </message>
    <message>
        <source>one account</source>
        <translation>ein Konto</translation>
    </message>
    <message>
        <source>store a token endpoint response (RFC 6749 §5.1 JSON) read from standard input</source>
        <translation>eine Antwort des Token-Endpunkts (RFC 6749 §5.1, JSON) von der Standardeingabe speichern</translation>
    </message>
    <message>
        <source>sign in through the browser (authorization code + PKCE, loopback redirect), or with --device on another device (RFC 8628)</source>
        <translation>im Browser anmelden (Autorisierungscode + PKCE, Loopback-Weiterleitung) oder mit --device auf einem anderen Gerät (RFC 8628)</translation>
    </message>
    <message>
        <source>refresh now</source>
        <translation>jetzt erneuern</translation>
    </message>
    <message>
        <source>revoke the tokens at the provider where it can, and forget them (the account stays)</source>
        <translation>die Tokens beim Anbieter widerrufen, wo er es erlaubt, und sie vergessen (das Konto bleibt)</translation>
    </message>
    <message>
        <source>disconnect, then delete the account and its secrets</source>
        <translation>trennen, dann das Konto und seine Geheimnisse löschen</translation>
    </message>
    <message>
        <source>Usage: tether [--demo | --hidden]
       tether COMMAND [OPTIONS]

Keeps OAuth 2.0 account connections alive: refreshes tokens before they expire and
keeps every secret in the system keychain.

  (no command)  open the window (starting the service if it is not running)
  --hidden      start the service in the background, no window
  --demo        the window on the embedded demo provider

Commands:
</source>
        <translation>Aufruf: tether [--demo | --hidden]
       tether BEFEHL [OPTIONEN]

Hält OAuth-2.0-Kontoverbindungen am Leben: erneuert Tokens, bevor sie ablaufen, und
bewahrt jedes Geheimnis im Schlüsselbund des Systems auf.

  (kein Befehl) das Fenster öffnen (und den Dienst starten, falls er nicht läuft)
  --hidden      den Dienst im Hintergrund starten, ohne Fenster
  --demo        das Fenster mit dem eingebauten Demo-Anbieter

Befehle:
</translation>
    </message>
    <message>
        <source>Usage: tether %1

%2.
</source>
        <translation>Aufruf: tether %1

%2.
</translation>
    </message>
    <message>
        <source>the keychain stayed locked: the new tokens of %1 were lost with this command, and the account must be reconnected; unlock the keychain first</source>
        <translation>der Schlüsselbund blieb gesperrt: die neuen Tokens von %1 sind mit diesem Befehl verloren, und das Konto muss neu verbunden werden; entsperren Sie zuerst den Schlüsselbund</translation>
    </message>
    <message>
        <source>Tether&apos;s service is running</source>
        <translation>Der Dienst von Tether läuft</translation>
    </message>
    <message>
        <source>the keychain would not take the new tokens of %1; they are held in memory: unlock the keychain (waiting up to two minutes)</source>
        <translation>der Schlüsselbund hat die neuen Tokens von %1 nicht angenommen; sie werden im Speicher gehalten: entsperren Sie den Schlüsselbund (es wird bis zu zwei Minuten gewartet)</translation>
    </message>
    <message>
        <source>Tether&apos;s service is running but does not answer (it may be stopped); working without it</source>
        <translation>Der Tether-Dienst läuft, antwortet aber nicht (er ist vielleicht angehalten); es geht ohne ihn weiter</translation>
    </message>
    <message>
        <source>which programs may take the account&apos;s token: list them, allow or deny one (its executable&apos;s path or Flatpak app id), or forget the decision so that it is asked again</source>
        <translation>welche Programme das Token des Kontos nehmen dürfen: auflisten, eines erlauben oder ablehnen (Pfad seiner ausführbaren Datei oder Flatpak-Anwendungskennung) oder die Entscheidung vergessen, sodass es wieder gefragt wird</translation>
    </message>
    <message>
        <source>
`tether COMMAND --help` describes one command.

Exit codes: 0 done, 1 unexpected failure, 2 bad input, 3 reconnect needed,
4 temporary failure (try again later), 5 keychain unavailable or locked,
6 the program asking was not allowed to take the token.
</source>
        <translation>
`tether BEFEHL --help` beschreibt einen Befehl.

Exit-Codes: 0 erledigt, 1 unerwarteter Fehler, 2 ungültige Eingabe, 3 neu verbinden nötig,
4 vorübergehender Fehler (später erneut versuchen), 5 Schlüsselbund nicht verfügbar oder gesperrt,
6 das fragende Programm durfte das Token nicht nehmen.
</translation>
    </message>
    <message>
        <source>print a valid access token, refreshing first if it is about to expire; with --sasl, a mail client&apos;s SASL initial response (base64) carrying it</source>
        <translation>ein gültiges Zugriffstoken ausgeben, zuvor erneuert, wenn es bald abläuft; mit --sasl die SASL-Startantwort (base64) für ein Mailprogramm, die es enthält</translation>
    </message>
    <message>
        <source>git&apos;s credential helper (gitcredentials(7)): `get` answers with the account&apos;s fresh access token as the password, `erase` (git was refused) refreshes it, `store` does nothing</source>
        <translation>Zugangsdaten-Helfer für git (gitcredentials(7)): `get` antwortet mit dem frischen Zugriffstoken des Kontos als Passwort, `erase` (git wurde abgewiesen) erneuert es, `store` tut nichts</translation>
    </message>
</context>
<context>
    <name>Discovery</name>
    <message>
        <source>the discovery document is not a JSON object</source>
        <translation>das Discovery-Dokument ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the discovery document names the issuer &quot;%1&quot;, not &quot;%2&quot;</source>
        <translation>das Discovery-Dokument nennt den Aussteller „%1“, nicht „%2“</translation>
    </message>
    <message>
        <source>the discovery document has no %1</source>
        <translation>das Discovery-Dokument hat kein %1</translation>
    </message>
    <message>
        <source>the discovery document&apos;s %1 is not an acceptable URL</source>
        <translation>%1 im Discovery-Dokument ist keine annehmbare URL</translation>
    </message>
    <message>
        <source>the server&apos;s discovery document lists the client authentication methods %1, not %2; using %2 as this client needs it</source>
        <translation>das Discovery-Dokument des Servers nennt die Client-Authentifizierungen %1, nicht %2; %2 wird verwendet, weil dieser Client es braucht</translation>
    </message>
    <message>
        <source>the issuer URL must not have a query or fragment</source>
        <translation>die URL des Ausstellers darf keine Abfrage und kein Fragment haben</translation>
    </message>
    <message>
        <source>could not read the discovery document of %1: %2</source>
        <translation>das Discovery-Dokument von %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation>%1 antwortete mit HTTP %2</translation>
    </message>
</context>
<context>
    <name>EndpointPolicy</name>
    <message>
        <source>the token endpoint</source>
        <translation>der Token-Endpunkt</translation>
    </message>
    <message>
        <source>the authorization endpoint</source>
        <translation>der Autorisierungs-Endpunkt</translation>
    </message>
    <message>
        <source>the revocation endpoint</source>
        <translation>der Widerrufs-Endpunkt</translation>
    </message>
    <message>
        <source>the device authorization endpoint</source>
        <translation>der Endpunkt für die Geräte-Autorisierung</translation>
    </message>
    <message>
        <source>the issuer</source>
        <translation>der Aussteller</translation>
    </message>
    <message>
        <source>%1 %2 is not a valid http(s) URL</source>
        <translation>%1 %2 ist keine gültige http(s)-URL</translation>
    </message>
    <message>
        <source>%1 %2 is plain http and would expose your credentials; use https, or allow plain http for this account if you accept that</source>
        <translation>%1 %2 ist unverschlüsseltes http und würde Ihre Zugangsdaten preisgeben; verwenden Sie https oder erlauben Sie http für dieses Konto, wenn Sie das in Kauf nehmen</translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>the server did not answer within %1 s</source>
        <translation>der Server hat nicht innerhalb von %1 s geantwortet</translation>
    </message>
    <message>
        <source>the server&apos;s response was larger than %1 KiB and was cut off</source>
        <translation>die Antwort des Servers war größer als %1 KiB und wurde abgeschnitten</translation>
    </message>
    <message>
        <source>the request was cancelled</source>
        <translation>die Anfrage wurde abgebrochen</translation>
    </message>
    <message>
        <source>could not reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>the connection to %1 ended after %2 of the %3 bytes of its answer</source>
        <translation>die Verbindung zu %1 endete nach %2 der %3 Bytes der Antwort</translation>
    </message>
</context>
<context>
    <name>HumanTime</name>
    <message>
        <source>%1s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n Jahr</numerusform>
            <numerusform>%n Jahre</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>in %n Minute</numerusform>
            <numerusform>in %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>in %n Stunde</numerusform>
            <numerusform>in %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n Tag</numerusform>
            <numerusform>in %n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>the keychain did not answer within %1 s; it may be locked or waiting for a prompt</source>
        <translation>der Schlüsselbund hat nicht innerhalb von %1 s geantwortet; vielleicht ist er gesperrt oder wartet auf eine Eingabe</translation>
    </message>
    <message>
        <source>the keychain refused access (%1); unlock it and try again</source>
        <translation>der Schlüsselbund hat den Zugriff verweigert (%1); entsperren Sie ihn und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>no keychain is available (%1); start a Secret Service such as gnome-keyring</source>
        <translation>kein Schlüsselbund verfügbar (%1); starten Sie einen Secret Service wie gnome-keyring</translation>
    </message>
    <message>
        <source>the keychain failed: %1</source>
        <translation>der Schlüsselbund ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>no keychain can be reached: there is no D-Bus session bus (%1); run Tether in a desktop session, which starts a Secret Service such as gnome-keyring</source>
        <translation>kein Schlüsselbund erreichbar: es gibt keinen D-Bus-Sitzungsbus (%1); starten Sie Tether in einer Desktop-Sitzung, die einen Secret Service wie gnome-keyring startet</translation>
    </message>
    <message>
        <source>the keychain has no collection to keep secrets in (%1); create a default keyring, for example with Seahorse, and unlock it</source>
        <translation>der Schlüsselbund hat keine Sammlung, in der Geheimnisse liegen können (%1); legen Sie einen Standard-Schlüsselbund an, etwa mit Seahorse, und entsperren Sie ihn</translation>
    </message>
    <message>
        <source>the keychain did not answer within %1 s; it may be locked or waiting for a prompt, and may still make the change once it answers</source>
        <translation>der Schlüsselbund hat nicht innerhalb von %1 s geantwortet; vielleicht ist er gesperrt oder wartet auf eine Eingabe, und er nimmt die Änderung womöglich noch vor, sobald er antwortet</translation>
    </message>
</context>
<context>
    <name>LoopbackReceiver</name>
    <message>
        <source>cannot listen on 127.0.0.1:%1 for the sign-in callback: %2</source>
        <translation>auf 127.0.0.1:%1 kann nicht auf die Rückmeldung der Anmeldung gewartet werden: %2</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Sign-in not completed</source>
        <translation>Anmeldung nicht abgeschlossen</translation>
    </message>
    <message>
        <source>Request too large</source>
        <translation>Anfrage zu groß</translation>
    </message>
    <message>
        <source>This request is too large.</source>
        <translation>Diese Anfrage ist zu groß.</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>Ungültige Anfrage</translation>
    </message>
    <message>
        <source>This is not a request Tether understands.</source>
        <translation>Diese Anfrage versteht Tether nicht.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>This address is only for signing in to Tether.</source>
        <translation>Diese Adresse dient nur der Anmeldung bei Tether.</translation>
    </message>
    <message>
        <source>Already done</source>
        <translation>Bereits erledigt</translation>
    </message>
    <message>
        <source>This sign-in has already been completed or cancelled. You can close this tab.</source>
        <translation>Diese Anmeldung ist bereits abgeschlossen oder abgebrochen. Sie können diesen Tab schließen.</translation>
    </message>
    <message>
        <source>Unexpected sign-in</source>
        <translation>Unerwartete Anmeldung</translation>
    </message>
    <message>
        <source>This sign-in response was not started by Tether and was ignored.</source>
        <translation>Diese Antwort auf eine Anmeldung wurde nicht von Tether angefordert und wurde ignoriert.</translation>
    </message>
    <message>
        <source>the sign-in was cancelled or access was denied at the provider</source>
        <translation>die Anmeldung wurde abgebrochen oder der Zugriff beim Anbieter verweigert</translation>
    </message>
    <message>
        <source>the provider refused the sign-in (%1)</source>
        <translation>der Anbieter hat die Anmeldung abgelehnt (%1)</translation>
    </message>
    <message>
        <source>Tether is still waiting: sign in again from the start, or cancel in Tether.</source>
        <translation>Tether wartet noch: melden Sie sich von vorn an oder brechen Sie in Tether ab.</translation>
    </message>
    <message>
        <source>No code</source>
        <translation>Kein Code</translation>
    </message>
    <message>
        <source>The sign-in response carried no code.</source>
        <translation>Die Antwort auf die Anmeldung enthielt keinen Code.</translation>
    </message>
</context>
<context>
    <name>Output</name>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>läuft %1 ab</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>no known expiry</source>
        <translation>kein bekannter Ablauf</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>single use</source>
        <translation>einmalig verwendbar</translation>
    </message>
    <message>
        <source>rotates</source>
        <translation>wechselt</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>bleibt</translation>
    </message>
    <message>
        <source>may rotate</source>
        <translation>kann wechseln</translation>
    </message>
    <message>
        <source>%1, rolling %2</source>
        <translation>%1, gleitend %2</translation>
    </message>
    <message>
        <source>%1, lives %2</source>
        <translation>%1, gilt %2</translation>
    </message>
    <message>
        <source>  state:          %1</source>
        <translation>  Zustand:        %1</translation>
    </message>
    <message>
        <source>  access token:   expires %1</source>
        <translation>  Zugriffstoken:  läuft %1 ab</translation>
    </message>
    <message>
        <source>  refresh token:  %1</source>
        <translation>  Refresh-Token:  %1</translation>
    </message>
    <message>
        <source>  last refresh:   %1</source>
        <translation>  letzte Erneuerung: %1</translation>
    </message>
    <message>
        <source>  next refresh:   %1</source>
        <translation>  nächste Erneuerung: %1</translation>
    </message>
    <message>
        <source>  last error:     %1: %2</source>
        <translation>  letzter Fehler: %1: %2</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>erlaubt</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
</context>
<context>
    <name>ProviderCatalog</name>
    <message>
        <source>%1: larger than 256 KiB, skipped</source>
        <translation>%1: größer als 256 KiB, übersprungen</translation>
    </message>
    <message>
        <source>%1: not a JSON object (%2), skipped</source>
        <translation>%1: kein JSON-Objekt (%2), übersprungen</translation>
    </message>
</context>
<context>
    <name>ProviderProfile</name>
    <message>
        <source>%1 must be an object</source>
        <translation>%1 muss ein Objekt sein</translation>
    </message>
    <message>
        <source>%1 must be a string</source>
        <translation>%1 muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>%1 must be true or false</source>
        <translation>%1 muss true oder false sein</translation>
    </message>
    <message>
        <source>%1 must be a whole number of seconds between 1 and 100 years</source>
        <translation>%1 muss eine ganze Zahl von Sekunden zwischen 1 und 100 Jahren sein</translation>
    </message>
    <message>
        <source>%1 must be one of %2</source>
        <translation>%1 muss einer dieser Werte sein: %2</translation>
    </message>
    <message>
        <source>%1.%2 must be a string</source>
        <translation>%1.%2 muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>%1 is not an http(s) URL: %2</source>
        <translation>%1 ist keine http(s)-URL: %2</translation>
    </message>
    <message>
        <source>schema must be %1</source>
        <translation>schema muss %1 sein</translation>
    </message>
    <message>
        <source>id must be 1-40 lowercase letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>id muss aus 1–40 Kleinbuchstaben, Ziffern, „-“ oder „_“ bestehen</translation>
    </message>
    <message>
        <source>endpoints.token is missing (or set &quot;discovery&quot;: true)</source>
        <translation>endpoints.token fehlt (oder setzen Sie &quot;discovery&quot;: true)</translation>
    </message>
    <message>
        <source>token_request.accepted_client_auth has an unknown method</source>
        <translation>token_request.accepted_client_auth nennt eine unbekannte Methode</translation>
    </message>
    <message>
        <source>token_request.accepted_client_auth must be an array</source>
        <translation>token_request.accepted_client_auth muss ein Array sein</translation>
    </message>
    <message>
        <source>token_request.client_auth must be one of accepted_client_auth</source>
        <translation>token_request.client_auth muss eine der Methoden in accepted_client_auth sein</translation>
    </message>
    <message>
        <source>authorization.default_scopes must hold single scope names</source>
        <translation>authorization.default_scopes darf nur einzelne Bereichsnamen enthalten</translation>
    </message>
    <message>
        <source>authorization.default_scopes must be an array</source>
        <translation>authorization.default_scopes muss ein Array sein</translation>
    </message>
    <message>
        <source>a single_use refresh token needs &quot;rotation&quot;: &quot;always&quot;</source>
        <translation>ein single_use-Refresh-Token braucht &quot;rotation&quot;: &quot;always&quot;</translation>
    </message>
    <message>
        <source>refresh_token.lifetime.seconds is needed for the %1 model</source>
        <translation>refresh_token.lifetime.seconds ist für das Modell %1 nötig</translation>
    </message>
    <message>
        <source>tenant.from must be host or path</source>
        <translation>tenant.from muss host oder path sein</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <translation>LTR</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Tether — demo</source>
        <translation>Tether — Demo</translation>
    </message>
    <message>
        <source>Tether demo</source>
        <translation>Tether-Demo</translation>
    </message>
    <message>
        <source>Demo: closing the window ends it</source>
        <translation>Demo: Wenn Sie das Fenster schließen, endet sie</translation>
    </message>
</context>
<context>
    <name>Revocation</name>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
</context>
<context>
    <name>SecretBundle</name>
    <message>
        <source>the keychain item is not in a format this Tether reads</source>
        <translation>der Schlüsselbund-Eintrag hat kein Format, das dieses Tether liest</translation>
    </message>
    <message>
        <source>the keychain item holds an empty token set</source>
        <translation>der Schlüsselbund-Eintrag enthält einen leeren Token-Satz</translation>
    </message>
</context>
<context>
    <name>TokenLifetimes</name>
    <message>
        <source>the provider sent no new refresh token for the single-use one it consumed; reconnect before the access token expires</source>
        <translation>der Anbieter hat kein neues Refresh-Token für das verbrauchte einmalige geschickt; verbinden Sie neu, bevor das Zugriffstoken abläuft</translation>
    </message>
    <message>
        <source>the provider sent no new refresh token; the old one is kept</source>
        <translation>der Anbieter hat kein neues Refresh-Token geschickt; das alte bleibt</translation>
    </message>
</context>
<context>
    <name>TokenModule</name>
    <message>
        <source>Tether&apos;s service is running but does not answer (it may be stopped), and the stored access token is not good to hand out; try again, or end the stopped service and run the command again</source>
        <translation>Der Tether-Dienst läuft, antwortet aber nicht (er ist vielleicht angehalten), und das gespeicherte Zugriffstoken kann nicht mehr herausgegeben werden; versuchen Sie es erneut, oder beenden Sie den angehaltenen Dienst und führen Sie den Befehl noch einmal aus</translation>
    </message>
</context>
<context>
    <name>TokenResponse</name>
    <message>
        <source>the response&apos;s %1 is not a string</source>
        <translation>%1 in der Antwort ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>the response is not JSON (%1)</source>
        <translation>die Antwort ist kein JSON (%1)</translation>
    </message>
    <message>
        <source>the response is not a JSON object</source>
        <translation>die Antwort ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the response has no access_token</source>
        <translation>die Antwort hat kein access_token</translation>
    </message>
    <message>
        <source>the access_token is implausibly long</source>
        <translation>das access_token ist unplausibel lang</translation>
    </message>
    <message>
        <source>the access_token contains characters a bearer token cannot have</source>
        <translation>das access_token enthält Zeichen, die ein Bearer-Token nicht haben kann</translation>
    </message>
    <message>
        <source>the refresh_token contains characters a token cannot have</source>
        <translation>das refresh_token enthält Zeichen, die ein Token nicht haben kann</translation>
    </message>
    <message>
        <source>the token_type &quot;%1&quot; is not a bearer token</source>
        <translation>der token_type „%1“ ist kein Bearer-Token</translation>
    </message>
    <message>
        <source>the token endpoint answered %1, but %2</source>
        <translation>der Token-Endpunkt antwortete %1, aber %2</translation>
    </message>
    <message>
        <source>the token endpoint redirected (HTTP %1) to %2; credentials are not sent on; if this lasts, set the account&apos;s token endpoint to the right URL</source>
        <translation>der Token-Endpunkt hat weitergeleitet (HTTP %1) nach %2; Zugangsdaten werden nicht weitergegeben; wenn das so bleibt, setzen Sie den Token-Endpunkt des Kontos auf die richtige URL</translation>
    </message>
    <message>
        <source>the provider is rate-limiting token requests (HTTP 429)</source>
        <translation>der Anbieter begrenzt die Token-Anfragen (HTTP 429)</translation>
    </message>
    <message>
        <source>the token endpoint failed (HTTP %1)</source>
        <translation>der Token-Endpunkt ist fehlgeschlagen (HTTP %1)</translation>
    </message>
    <message>
        <source>the token endpoint does not exist (HTTP %1); if this lasts, check the account&apos;s token endpoint</source>
        <translation>den Token-Endpunkt gibt es nicht (HTTP %1); wenn das so bleibt, prüfen Sie den Token-Endpunkt des Kontos</translation>
    </message>
    <message>
        <source>the token endpoint answered HTTP %1 without an OAuth error</source>
        <translation>der Token-Endpunkt antwortete HTTP %1 ohne OAuth-Fehler</translation>
    </message>
    <message>
        <source>%1 was not a number of seconds; the profile&apos;s default lifetime is used</source>
        <translation>%1 war keine Anzahl von Sekunden; die Standard-Lebensdauer des Profils wird verwendet</translation>
    </message>
    <message>
        <source>%1 said the token has expired already</source>
        <translation>%1 besagt, dass das Token bereits abgelaufen ist</translation>
    </message>
    <message>
        <source>%1 was more than ten years; ten years are used</source>
        <translation>%1 war mehr als zehn Jahre; zehn Jahre werden verwendet</translation>
    </message>
    <message>
        <source>HTTP %1 with no explanation</source>
        <translation>HTTP %1 ohne Erklärung</translation>
    </message>
    <message>
        <source>the sign-in&apos;s code exchange</source>
        <translation>den Code-Austausch der Anmeldung</translation>
    </message>
    <message>
        <source>the device sign-in</source>
        <translation>die Anmeldung auf dem anderen Gerät</translation>
    </message>
    <message>
        <source>the refresh</source>
        <translation>die Erneuerung</translation>
    </message>
    <message>
        <source>the provider did not accept the sign-in&apos;s authorization code (%1); sign in again</source>
        <translation>der Anbieter hat den Autorisierungscode der Anmeldung nicht angenommen (%1); melden Sie sich erneut an</translation>
    </message>
    <message>
        <source>the provider did not accept the device code (%1); sign in again</source>
        <translation>der Anbieter hat den Gerätecode nicht angenommen (%1); melden Sie sich erneut an</translation>
    </message>
    <message>
        <source>the provider rejected the refresh token (%1); reconnect the account</source>
        <translation>der Anbieter hat das Refresh-Token abgelehnt (%1); verbinden Sie das Konto neu</translation>
    </message>
    <message>
        <source>the provider is unavailable (%1)</source>
        <translation>der Anbieter ist nicht erreichbar (%1)</translation>
    </message>
    <message>
        <source>the provider refused the client credentials in %1 (%2); check the account&apos;s client id and secret</source>
        <translation>der Anbieter hat die Client-Zugangsdaten für %1 abgelehnt (%2); prüfen Sie Client-ID und -Geheimnis des Kontos</translation>
    </message>
    <message>
        <source>the provider refused %1 (%2)</source>
        <translation>der Anbieter hat %1 abgelehnt (%2)</translation>
    </message>
    <message>
        <source>the provider refused %1 (%2); check the account&apos;s client id and secret</source>
        <translation>der Anbieter hat %1 abgelehnt (%2); prüfen Sie Client-ID und -Geheimnis des Kontos</translation>
    </message>
</context>
<context>
    <name>tether::AccessGuard</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the provider&apos;s</source>
        <translation>die des Anbieters</translation>
    </message>
    <message>
        <source>token endpoint</source>
        <translation>Token-Endpunkt</translation>
    </message>
    <message>
        <source>authorization endpoint</source>
        <translation>Autorisierungs-Endpunkt</translation>
    </message>
    <message>
        <source>revocation endpoint</source>
        <translation>Widerrufs-Endpunkt</translation>
    </message>
    <message>
        <source>device sign-in endpoint</source>
        <translation>Endpunkt für die Anmeldung auf einem anderen Gerät</translation>
    </message>
    <message>
        <source>issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>redirect URI</source>
        <translation>Weiterleitungs-URI</translation>
    </message>
    <message>
        <source>client authentication: %1</source>
        <translation>Client-Authentifizierung: %1</translation>
    </message>
    <message>
        <source>plain http allowed</source>
        <translation>unverschlüsseltes http erlaubt</translation>
    </message>
    <message>
        <source>%1 is refused the token of “%2” (you denied it); `tether access allow %3 %1` allows it</source>
        <translation>%1 wird das Token von „%2“ verweigert (Sie haben es abgelehnt); `tether access allow %3 %1` erlaubt es</translation>
    </message>
    <message>
        <source>%1 was not allowed to decide which programs may take the token of “%2”: the change was denied or not answered in time; decide in Tether&apos;s window or with `tether access` in a terminal</source>
        <translation>%1 durfte nicht festlegen, welche Programme das Token von „%2“ nehmen dürfen: Die Änderung wurde abgelehnt oder nicht rechtzeitig beantwortet; entscheiden Sie im Tether-Fenster oder mit `tether access` in einem Terminal</translation>
    </message>
    <message>
        <source>%1 was not allowed to change “%2”: the change was denied or not answered in time; make it in Tether&apos;s window or with the tether command in a terminal</source>
        <translation>%1 durfte „%2“ nicht ändern: Die Änderung wurde abgelehnt oder nicht rechtzeitig beantwortet; nehmen Sie sie im Tether-Fenster oder mit dem Befehl tether in einem Terminal vor</translation>
    </message>
    <message>
        <source>Allow %1 to change where “%2” sends its secrets?</source>
        <translation>Darf %1 ändern, wohin „%2“ seine Geheimnisse sendet?</translation>
    </message>
    <message>
        <source>New settings: %1. Allow this only if you are making this change yourself.</source>
        <translation>Neue Einstellungen: %1. Erlauben Sie das nur, wenn Sie diese Änderung selbst vornehmen.</translation>
    </message>
    <message>
        <source>Allow %1 to replace the tokens of “%2”?</source>
        <translation>Darf %1 die Tokens von „%2“ ersetzen?</translation>
    </message>
    <message>
        <source>The account&apos;s sign-in would be replaced by tokens this program brings. Allow this only if you are importing them yourself.</source>
        <translation>Die Anmeldung des Kontos würde durch Tokens ersetzt, die dieses Programm mitbringt. Erlauben Sie das nur, wenn Sie sie selbst importieren.</translation>
    </message>
    <message>
        <source>Allow %1 to let %2 take the token of “%3”?</source>
        <translation>Darf %1 erlauben, dass %2 das Token von „%3“ nimmt?</translation>
    </message>
    <message>
        <source>%1 could then take the account&apos;s access token at any time without asking. Allow this only if you are setting this up yourself.</source>
        <translation>%1 könnte dann jederzeit ohne Rückfrage das Zugriffstoken des Kontos nehmen. Erlauben Sie das nur, wenn Sie es selbst einrichten.</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Erlauben</translation>
    </message>
    <message>
        <source>%1 was not allowed to take the token of “%2”: it was denied or not answered in time; `tether access allow %3 %1` allows it</source>
        <translation>%1 durfte das Token von „%2“ nicht nehmen: Es wurde abgelehnt oder nicht rechtzeitig beantwortet; `tether access allow %3 %1` erlaubt es</translation>
    </message>
    <message>
        <source>%1 wants the access token of “%2”</source>
        <translation>%1 möchte das Zugriffstoken von „%2“</translation>
    </message>
    <message>
        <source>With it, %1 can use the account as you until the token expires.</source>
        <translation>Damit kann %1 das Konto in Ihrem Namen nutzen, bis das Token abläuft.</translation>
    </message>
    <message>
        <source>With it, the sandboxed application %1 can use the account as you until the token expires.</source>
        <translation>Damit kann die abgeschottete Anwendung %1 das Konto in Ihrem Namen nutzen, bis das Token abläuft.</translation>
    </message>
    <message>
        <source>Allow once</source>
        <translation>Einmal erlauben</translation>
    </message>
    <message>
        <source>Always allow</source>
        <translation>Immer erlauben</translation>
    </message>
</context>
<context>
    <name>tether::AccountDelegate</name>
    <message>
        <source> · ⚠ plain http allowed</source>
        <translation> · ⚠ http ohne Verschlüsselung erlaubt</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
</context>
<context>
    <name>tether::AccountDetailsDialog</name>
    <message>
        <source>%1 — details</source>
        <translation>%1 — Details</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Anbieter:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Secrets kept in:</source>
        <translation>Geheimnisse liegen in:</translation>
    </message>
    <message>
        <source>%1, one item for this account%2</source>
        <translation>%1, ein Eintrag für dieses Konto%2</translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation>dem Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source> — locked or unavailable at the last attempt</source>
        <translation> — beim letzten Versuch gesperrt oder nicht verfügbar</translation>
    </message>
    <message>
        <source>rotates on every refresh; each refresh token works once</source>
        <translation>wechselt bei jeder Erneuerung; jedes Refresh-Token gilt nur einmal</translation>
    </message>
    <message>
        <source>rotates on every refresh</source>
        <translation>wechselt bei jeder Erneuerung</translation>
    </message>
    <message>
        <source>kept as it is</source>
        <translation>bleibt, wie es ist</translation>
    </message>
    <message>
        <source>may rotate</source>
        <translation>kann wechseln</translation>
    </message>
    <message>
        <source>Refresh token:</source>
        <translation>Refresh-Token:</translation>
    </message>
    <message>
        <source>Refresh token lifetime:</source>
        <translation>Lebensdauer des Refresh-Tokens:</translation>
    </message>
    <message>
        <source>not documented</source>
        <translation>nicht dokumentiert</translation>
    </message>
    <message>
        <source>rolling, %1 from each refresh</source>
        <translation>gleitend, %1 ab jeder Erneuerung</translation>
    </message>
    <message>
        <source>%1 from issue</source>
        <translation>%1 ab Ausstellung</translation>
    </message>
    <message>
        <source>Token request:</source>
        <translation>Token-Anfrage:</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation>Warnung:</translation>
    </message>
    <message>
        <source>this account may send secrets over plain http</source>
        <translation>dieses Konto darf Geheimnisse über unverschlüsseltes http senden</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Refresh history</source>
        <translation>Erneuerungsverlauf</translation>
    </message>
    <message>
        <source>no refresh attempt since Tether started</source>
        <translation>kein Erneuerungsversuch, seit Tether läuft</translation>
    </message>
    <message>
        <source>Refresh history:</source>
        <translation>Erneuerungsverlauf:</translation>
    </message>
    <message>
        <source>needs reconnect</source>
        <translation>neu verbinden nötig</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>neuer Versuch folgt</translation>
    </message>
    <message>
        <source>refreshing</source>
        <translation>wird erneuert</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Re&amp;connect</source>
        <translation>&amp;Neu verbinden</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Last took the token</source>
        <translation>Token zuletzt genommen</translation>
    </message>
    <message>
        <source>Programs that may take the token</source>
        <translation>Programme, die das Token nehmen dürfen</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>erlaubt</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Forget this decision: the program is asked the next time it wants the token</source>
        <translation>Diese Entscheidung vergessen: Das Programm wird gefragt, wenn es das Token das nächste Mal möchte</translation>
    </message>
    <message>
        <source>Programs that may take the token (Tether&apos;s own window and commands you type in a terminal always may; any other program is asked first):</source>
        <translation>Programme, die das Token nehmen dürfen (Tethers eigenes Fenster und Befehle, die Sie in einem Terminal eingeben, dürfen es immer; jedes andere Programm wird zuerst gefragt):</translation>
    </message>
    <message>
        <source>no program has been allowed or denied</source>
        <translation>keinem Programm wurde etwas erlaubt oder verweigert</translation>
    </message>
    <message>
        <source>Refresh token ends:</source>
        <translation>Refresh-Token endet:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (ended)</source>
        <translation>%1 (abgelaufen)</translation>
    </message>
    <message>
        <source>as the provider says for each token</source>
        <translation>wie der Anbieter es für jedes Token mitteilt</translation>
    </message>
    <message>
        <source>%1; the client authenticates %2</source>
        <translation>%1; der Client authentisiert sich %2</translation>
    </message>
    <message>
        <source>a JSON body</source>
        <translation>JSON-Inhalt</translation>
    </message>
    <message>
        <source>a form body</source>
        <translation>Formular-Inhalt</translation>
    </message>
    <message>
        <source>with HTTP Basic</source>
        <translation>mit HTTP Basic</translation>
    </message>
    <message>
        <source>with its secret in the body</source>
        <translation>mit seinem Geheimnis im Inhalt</translation>
    </message>
    <message>
        <source>with its id alone (a public client)</source>
        <translation>nur mit seiner Kennung (ein öffentlicher Client)</translation>
    </message>
    <message>
        <source>refreshed</source>
        <translation>erneuert</translation>
    </message>
    <message>
        <source>still valid</source>
        <translation>noch gültig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>tether::AccountListModel</name>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>refreshing…</source>
        <translation>wird erneuert…</translation>
    </message>
    <message>
        <source>retrying in %1</source>
        <translation>neuer Versuch in %1</translation>
    </message>
    <message>
        <source>retrying…</source>
        <translation>neuer Versuch…</translation>
    </message>
    <message>
        <source>needs reconnect</source>
        <translation>neu verbinden nötig</translation>
    </message>
    <message>
        <source>no access token</source>
        <translation>kein Zugriffstoken</translation>
    </message>
    <message>
        <source>access token expired</source>
        <translation>Zugriffstoken abgelaufen</translation>
    </message>
    <message>
        <source>expires in %1</source>
        <translation>läuft in %1 ab</translation>
    </message>
    <message>
        <source>no refresh token</source>
        <translation>kein Refresh-Token</translation>
    </message>
    <message>
        <source>refresh token: rolling, %1 from each refresh</source>
        <translation>Refresh-Token: gleitend, %1 ab jeder Erneuerung</translation>
    </message>
    <message>
        <source>refresh token: no known expiry</source>
        <translation>Refresh-Token: kein bekannter Ablauf</translation>
    </message>
    <message>
        <source>refresh token expired</source>
        <translation>Refresh-Token abgelaufen</translation>
    </message>
    <message>
        <source>refresh token expires in %1</source>
        <translation>Refresh-Token läuft in %1 ab</translation>
    </message>
    <message>
        <source>refresh token: %1 left</source>
        <translation>Refresh-Token: noch %1</translation>
    </message>
    <message>
        <source>last refresh %1</source>
        <translation>zuletzt erneuert %1</translation>
    </message>
    <message>
        <source>next %1</source>
        <translation>nächste %1</translation>
    </message>
    <message>
        <source>press Space to sign in</source>
        <translation>zum Anmelden die Leertaste drücken</translation>
    </message>
    <message>
        <source>no refresh</source>
        <translation>keine Erneuerung</translation>
    </message>
    <message>
        <source>refresh: ok</source>
        <translation>Erneuerung: in Ordnung</translation>
    </message>
    <message>
        <source>refresh: expired</source>
        <translation>Erneuerung: abgelaufen</translation>
    </message>
    <message>
        <source>refresh: %1</source>
        <translation>Erneuerung: %1</translation>
    </message>
</context>
<context>
    <name>tether::AddAccountDialog</name>
    <message>
        <source>Allow plain http to a non-loopback host (exposes your credentials)</source>
        <translation>Unverschlüsseltes http zu einem entfernten Rechner erlauben (gibt Ihre Zugangsdaten preis)</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>a short name, e.g. bank</source>
        <translation>ein kurzer Name, z. B. bank</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>An&amp;bieter:</translation>
    </message>
    <message>
        <source>Account &amp;id:</source>
        <translation>Konto-&amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>&amp;Token endpoint:</source>
        <translation>&amp;Token-Endpunkt:</translation>
    </message>
    <message>
        <source>Add and &amp;sign in</source>
        <translation>Hinzufügen und an&amp;melden</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>read from the issuer&apos;s discovery document</source>
        <translation>wird aus dem Discovery-Dokument des Ausstellers gelesen</translation>
    </message>
    <message>
        <source>required to sign in: the provider&apos;s authorization URL</source>
        <translation>zum Anmelden nötig: die Autorisierungs-URL des Anbieters</translation>
    </message>
    <message>
        <source>https://issuer.example.com</source>
        <translation>https://aussteller.example.com</translation>
    </message>
    <message>
        <source>Give the account an id.</source>
        <translation>Geben Sie dem Konto eine ID.</translation>
    </message>
    <message>
        <source>⚠ This account may send its secrets over plain http. Use it only for a test server.</source>
        <translation>⚠ Dieses Konto darf seine Geheimnisse über unverschlüsseltes http senden. Verwenden Sie es nur für einen Testserver.</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Client-&amp;Geheimnis:</translation>
    </message>
    <message>
        <source>Sc&amp;opes:</source>
        <translation>Bereich&amp;e (Scopes):</translation>
    </message>
    <message>
        <source>Iss&amp;uer / tenant:</source>
        <translation>A&amp;ussteller / Mandant:</translation>
    </message>
    <message>
        <source>Aut&amp;horization endpoint:</source>
        <translation>Auto&amp;risierungs-Endpunkt:</translation>
    </message>
    <message>
        <source>Optional: paste a token response (JSON) to import instead of signing in</source>
        <translation>Optional: eine Token-Antwort (JSON) einfügen, um sie zu importieren statt sich anzumelden</translation>
    </message>
    <message>
        <source>Token response:</source>
        <translation>Token-Antwort:</translation>
    </message>
    <message>
        <source>not needed: %1&apos;s endpoints are fixed</source>
        <translation>nicht nötig: Die Endpunkte von %1 stehen fest</translation>
    </message>
    <message>
        <source>Where the provider&apos;s endpoints are found (OpenID Connect discovery) or whose tenant the account belongs to</source>
        <translation>Wo die Endpunkte des Anbieters zu finden sind (OpenID-Connect-Discovery) oder zu welchem Mandanten das Konto gehört</translation>
    </message>
    <message>
        <source>%1 has fixed endpoints: there is no issuer or tenant to give</source>
        <translation>%1 hat feste Endpunkte: Es gibt keinen Aussteller und keinen Mandanten anzugeben</translation>
    </message>
</context>
<context>
    <name>tether::AuthorizationFlow</name>
    <message numerus="yes">
        <source>the sign-in was not completed within %n second(s)</source>
        <translation>
            <numerusform>die Anmeldung wurde nicht innerhalb von %n Sekunde abgeschlossen</numerusform>
            <numerusform>die Anmeldung wurde nicht innerhalb von %n Sekunden abgeschlossen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the sign-in was not completed within %n minute(s)</source>
        <translation>
            <numerusform>die Anmeldung wurde nicht innerhalb von %n Minute abgeschlossen</numerusform>
            <numerusform>die Anmeldung wurde nicht innerhalb von %n Minuten abgeschlossen</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing has come back from the provider yet. If it showed an error about the redirect URI, it accepts only the one registered for your application: set the account&apos;s redirect URI to it (a fixed loopback port, such as http://127.0.0.1:8400/callback).</source>
        <translation>Vom Anbieter ist noch nichts zurückgekommen. Falls er einen Fehler zur Weiterleitungs-URI (redirect URI) gezeigt hat, akzeptiert er nur die für Ihre Anwendung registrierte: setzen Sie die Weiterleitungs-URI des Kontos darauf (ein fester Loopback-Port, etwa http://127.0.0.1:8400/callback).</translation>
    </message>
    <message>
        <source>%1. Still waiting: sign in again from the start, or cancel.</source>
        <translation>%1. Es wird weiter gewartet: melden Sie sich von vorn an oder brechen Sie ab.</translation>
    </message>
    <message>
        <source>the sign-in was cancelled</source>
        <translation>die Anmeldung wurde abgebrochen</translation>
    </message>
    <message>
        <source>the sign-in response carried no issuer although %1 always sends one; it was refused</source>
        <translation>die Antwort auf die Anmeldung nannte keinen Aussteller, obwohl %1 immer einen nennt; sie wurde abgelehnt</translation>
    </message>
    <message>
        <source>the sign-in response came from the issuer &quot;%1&quot;, not &quot;%2&quot;; it was refused</source>
        <translation>die Antwort auf die Anmeldung kam vom Aussteller „%1“, nicht „%2“; sie wurde abgelehnt</translation>
    </message>
    <message>
        <source>Tether is connected. You can close this tab.</source>
        <translation>Tether ist verbunden. Sie können diesen Tab schließen.</translation>
    </message>
    <message>
        <source>the sign-in&apos;s id_token carried no nonce although Tether sent one; it was refused: sign in again</source>
        <translation>das id_token der Anmeldung enthielt keine Nonce, obwohl Tether eine gesendet hat; es wurde zurückgewiesen: melden Sie sich erneut an</translation>
    </message>
    <message>
        <source>the sign-in&apos;s id_token carried another nonce than the one Tether sent; it was refused: sign in again</source>
        <translation>das id_token der Anmeldung enthielt eine andere Nonce als die von Tether gesendete; es wurde zurückgewiesen: melden Sie sich erneut an</translation>
    </message>
</context>
<context>
    <name>tether::BusAdaptor</name>
    <message>
        <source>“%1” is no decision: allow, deny or forget</source>
        <translation>„%1“ ist keine Entscheidung: allow, deny oder forget</translation>
    </message>
    <message>
        <source>only Tether&apos;s own window answers its questions</source>
        <translation>nur Tethers eigenes Fenster beantwortet seine Fragen</translation>
    </message>
</context>
<context>
    <name>tether::BusClient</name>
    <message>
        <source>there is no D-Bus session to reach the Tether service on</source>
        <translation>es gibt keine D-Bus-Sitzung, über die der Tether-Dienst erreichbar wäre</translation>
    </message>
    <message>
        <source>there is no D-Bus session bus to start the Tether service on</source>
        <translation>es gibt keinen D-Bus-Sitzungsbus, auf dem der Tether-Dienst starten könnte</translation>
    </message>
    <message>
        <source>could not start the Tether service (%1 service)</source>
        <translation>der Tether-Dienst konnte nicht gestartet werden (%1-Dienst)</translation>
    </message>
    <message>
        <source>the Tether service did not start</source>
        <translation>der Tether-Dienst ist nicht gestartet</translation>
    </message>
    <message>
        <source>Tether&apos;s service stopped; try again</source>
        <translation>Der Tether-Dienst wurde beendet; bitte erneut versuchen</translation>
    </message>
    <message>
        <source>the Tether service answered in a form this window does not read</source>
        <translation>der Tether-Dienst antwortete in einer Form, die dieses Fenster nicht lesen kann</translation>
    </message>
</context>
<context>
    <name>tether::CommandLine</name>
    <message>
        <source>unknown command &quot;%1&quot;; `tether --help` lists the commands</source>
        <translation>unbekannter Befehl „%1“; `tether --help` listet die Befehle</translation>
    </message>
    <message>
        <source>%1; see `tether %2 --help`</source>
        <translation>%1; siehe `tether %2 --help`</translation>
    </message>
    <message>
        <source>usage: tether %1</source>
        <translation>Aufruf: tether %1</translation>
    </message>
    <message>
        <source>Client secret: </source>
        <translation>Client-Geheimnis: </translation>
    </message>
    <message>
        <source>the client secret on standard input is missing or longer than 64 KiB</source>
        <translation>das Client-Geheimnis auf der Standardeingabe fehlt oder ist länger als 64 KiB</translation>
    </message>
    <message>
        <source>--client-secret-stdin was given but standard input was empty</source>
        <translation>--client-secret-stdin wurde angegeben, aber die Standardeingabe war leer</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>BODY</source>
        <translation>INHALT</translation>
    </message>
    <message>
        <source>AUTH</source>
        <translation>AUTH</translation>
    </message>
    <message>
        <source>REFRESH TOKEN</source>
        <translation>REFRESH-TOKEN</translation>
    </message>
    <message>
        <source>--provider is required; `tether providers` lists them</source>
        <translation>--provider ist erforderlich; `tether providers` listet die Anbieter</translation>
    </message>
    <message>
        <source>--client-auth must be basic, post or none</source>
        <translation>--client-auth muss basic, post oder none sein</translation>
    </message>
    <message>
        <source>added %1; next: `tether connect %1` or `tether import %1`</source>
        <translation>%1 hinzugefügt; weiter mit `tether connect %1` oder `tether import %1`</translation>
    </message>
    <message>
        <source>--client-auth must be basic, post, none or profile</source>
        <translation>--client-auth muss basic, post, none oder profile sein</translation>
    </message>
    <message>
        <source>give --allow-insecure-http or --deny-insecure-http, not both</source>
        <translation>geben Sie --allow-insecure-http oder --deny-insecure-http an, nicht beides</translation>
    </message>
    <message>
        <source>nothing to change; `tether edit --help` lists what can be</source>
        <translation>nichts zu ändern; `tether edit --help` listet, was sich ändern lässt</translation>
    </message>
    <message>
        <source>No accounts yet. Add one with `tether add ID --provider P --client-id C`; `tether providers` lists the providers.</source>
        <translation>Noch keine Konten. Fügen Sie eines mit `tether add ID --provider P --client-id C` hinzu; `tether providers` listet die Anbieter.</translation>
    </message>
    <message>
        <source>PROVIDER</source>
        <translation>ANBIETER</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ZUSTAND</translation>
    </message>
    <message>
        <source>ACCESS TOKEN</source>
        <translation>ZUGRIFFSTOKEN</translation>
    </message>
    <message>
        <source>Token response (JSON): </source>
        <translation>Token-Antwort (JSON): </translation>
    </message>
    <message>
        <source>the token response on standard input is missing or larger than 1 MiB</source>
        <translation>die Token-Antwort auf der Standardeingabe fehlt oder ist größer als 1 MiB</translation>
    </message>
    <message>
        <source>imported tokens for %1</source>
        <translation>Tokens für %1 importiert</translation>
    </message>
    <message>
        <source>%1: refreshed; access token valid until %2</source>
        <translation>%1: erneuert; Zugriffstoken gültig bis %2</translation>
    </message>
    <message>
        <source>%1: refreshed by another process; access token valid until %2</source>
        <translation>%1: von einem anderen Prozess erneuert; Zugriffstoken gültig bis %2</translation>
    </message>
    <message>
        <source>this process cannot sign in</source>
        <translation>dieser Prozess kann sich nicht anmelden</translation>
    </message>
    <message>
        <source>give --no-browser or --device, not both</source>
        <translation>geben Sie --no-browser oder --device an, nicht beides</translation>
    </message>
    <message>
        <source>To sign in, open %1 on any device and enter the code %2</source>
        <translation>Öffnen Sie zum Anmelden %1 auf einem beliebigen Gerät und geben Sie den Code %2 ein</translation>
    </message>
    <message>
        <source>or open %1 (the code is filled in)</source>
        <translation>oder öffnen Sie %1 (der Code ist schon eingetragen)</translation>
    </message>
    <message>
        <source>The code expires at %1; waiting (Ctrl-C cancels).</source>
        <translation>Der Code läuft um %1 ab; es wird gewartet (Strg-C bricht ab).</translation>
    </message>
    <message>
        <source>Sign in in the browser window that opened; waiting (Ctrl-C cancels).</source>
        <translation>Melden Sie sich im geöffneten Browserfenster an; es wird gewartet (Strg-C bricht ab).</translation>
    </message>
    <message>
        <source>Open the address above in a browser to sign in; waiting (Ctrl-C cancels).</source>
        <translation>Öffnen Sie die Adresse oben in einem Browser, um sich anzumelden; es wird gewartet (Strg-C bricht ab).</translation>
    </message>
    <message>
        <source>; change it with `tether edit %1 --%2`</source>
        <translation>; ändern Sie es mit `tether edit %1 --%2`</translation>
    </message>
    <message>
        <source>No program has been allowed or denied the token of %1: any program but Tether&apos;s window and commands typed in a terminal is asked first.</source>
        <translation>Keinem Programm wurde das Token von %1 erlaubt oder verweigert: Jedes Programm außer Tethers Fenster und in einem Terminal eingegebenen Befehlen wird zuerst gefragt.</translation>
    </message>
    <message>
        <source>PROGRAM</source>
        <translation>PROGRAMM</translation>
    </message>
    <message>
        <source>DECISION</source>
        <translation>ENTSCHEIDUNG</translation>
    </message>
    <message>
        <source>SINCE</source>
        <translation>SEIT</translation>
    </message>
    <message>
        <source>LAST TOOK THE TOKEN</source>
        <translation>TOKEN ZULETZT GENOMMEN</translation>
    </message>
    <message>
        <source>HOW</source>
        <translation>WIE</translation>
    </message>
    <message>
        <source>unknown access command &quot;%1&quot;: list, allow, deny or forget</source>
        <translation>unbekannter access-Befehl „%1“: list, allow, deny oder forget</translation>
    </message>
    <message>
        <source>--json goes with `tether access list`</source>
        <translation>--json gehört zu `tether access list`</translation>
    </message>
    <message>
        <source>--user goes with --sasl xoauth2 or --sasl oauthbearer</source>
        <translation>--user gehört zu --sasl xoauth2 oder --sasl oauthbearer</translation>
    </message>
    <message>
        <source>--sasl must be xoauth2 or oauthbearer</source>
        <translation>--sasl muss xoauth2 oder oauthbearer sein</translation>
    </message>
    <message>
        <source>--sasl needs --user with the mail address to log in as</source>
        <translation>--sasl braucht --user mit der Mailadresse, mit der angemeldet wird</translation>
    </message>
    <message>
        <source>unknown credential operation &quot;%1&quot;: git asks get, store or erase</source>
        <translation>unbekannte credential-Operation „%1“: git fragt get, store oder erase</translation>
    </message>
    <message>
        <source>git&apos;s request on standard input is missing or larger than 64 KiB</source>
        <translation>die Anfrage von git auf der Standardeingabe fehlt oder ist größer als 64 KiB</translation>
    </message>
    <message>
        <source>--username must be one line of text</source>
        <translation>--username muss eine Zeile Text sein</translation>
    </message>
    <message>
        <source>git asks for the token of %1 to send it over plain http to %2, where anyone on the way could read it; use the https address of the repository</source>
        <translation>git möchte das Token von %1, um es unverschlüsselt per http an %2 zu senden, wo es jeder unterwegs lesen könnte; verwenden Sie die https-Adresse des Repositorys</translation>
    </message>
    <message>
        <source>name the account in git&apos;s helper setting: credential.helper &apos;!tether credential --account ID&apos;</source>
        <translation>nennen Sie das Konto in der Helfer-Einstellung von git: credential.helper &apos;!tether credential --account ID&apos;</translation>
    </message>
</context>
<context>
    <name>tether::DemoProvider</name>
    <message>
        <source>Minute tokens</source>
        <translation>Minuten-Tokens</translation>
    </message>
    <message>
        <source>Single-use refresh tokens</source>
        <translation>Einmal-Refresh-Tokens</translation>
    </message>
    <message>
        <source>Refresh token expires in 3 min</source>
        <translation>Refresh-Token läuft in 3 min ab</translation>
    </message>
    <message>
        <source>Revoked: needs reconnect</source>
        <translation>Widerrufen: neu verbinden nötig</translation>
    </message>
    <message>
        <source>Server answering 503</source>
        <translation>Server antwortet 503</translation>
    </message>
</context>
<context>
    <name>tether::DemoSession</name>
    <message>
        <source>the demo provider could not start: %1</source>
        <translation>der Demo-Anbieter konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>the provider rejected the refresh token (invalid_grant: revoked); reconnect the account</source>
        <translation>der Anbieter hat das Refresh-Token abgelehnt (invalid_grant: widerrufen); verbinden Sie das Konto neu</translation>
    </message>
</context>
<context>
    <name>tether::DeviceFlow</name>
    <message>
        <source>the device authorization response is not usable</source>
        <translation>die Antwort der Geräte-Autorisierung ist nicht verwendbar</translation>
    </message>
    <message>
        <source>the device authorization endpoint answered HTTP %1</source>
        <translation>der Endpunkt für die Geräte-Autorisierung antwortete mit HTTP %1</translation>
    </message>
    <message>
        <source>the code expired before the sign-in was approved; start again</source>
        <translation>der Code ist abgelaufen, bevor die Anmeldung bestätigt wurde; fangen Sie von vorn an</translation>
    </message>
    <message>
        <source>the sign-in was denied on the other device</source>
        <translation>die Anmeldung wurde auf dem anderen Gerät abgelehnt</translation>
    </message>
    <message>
        <source>the sign-in was cancelled</source>
        <translation>die Anmeldung wurde abgebrochen</translation>
    </message>
    <message>
        <source>could not get a sign-in code: %1</source>
        <translation>kein Anmeldecode erhalten: %1</translation>
    </message>
    <message>
        <source>could not learn whether the sign-in was approved: %1</source>
        <translation>es war nicht zu erfahren, ob die Anmeldung bestätigt wurde: %1</translation>
    </message>
</context>
<context>
    <name>tether::EditAccountDialog</name>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>the provider&apos;s default</source>
        <translation>die Vorgabe des Anbieters</translation>
    </message>
    <message>
        <source>unchanged (type to replace it)</source>
        <translation>unverändert (zum Ersetzen eintippen)</translation>
    </message>
    <message>
        <source>none stored</source>
        <translation>keines gespeichert</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>any free port on 127.0.0.1</source>
        <translation>ein beliebiger freier Port auf 127.0.0.1</translation>
    </message>
    <message>
        <source>The provider&apos;s (%1)</source>
        <translation>Die des Anbieters (%1)</translation>
    </message>
    <message>
        <source>HTTP Basic (basic)</source>
        <translation>HTTP Basic (basic)</translation>
    </message>
    <message>
        <source>In the request body (post)</source>
        <translation>Im Inhalt der Anfrage (post)</translation>
    </message>
    <message>
        <source>None: a public client (none)</source>
        <translation>Keine: ein öffentlicher Client (none)</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>Client a&amp;uthentication:</source>
        <translation>Client-Authentifi&amp;zierung:</translation>
    </message>
    <message>
        <source>&amp;Token endpoint:</source>
        <translation>&amp;Token-Endpunkt:</translation>
    </message>
    <message>
        <source>Re&amp;vocation endpoint:</source>
        <translation>&amp;Widerrufs-Endpunkt:</translation>
    </message>
    <message>
        <source>&amp;Device sign-in endpoint:</source>
        <translation>Endpunkt für Geräte-Anmel&amp;dung:</translation>
    </message>
    <message>
        <source>&amp;Redirect URI:</source>
        <translation>Weiterleitungs-&amp;URI:</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Client-&amp;Geheimnis:</translation>
    </message>
    <message>
        <source>Sc&amp;opes:</source>
        <translation>Bereich&amp;e (Scopes):</translation>
    </message>
    <message>
        <source>Aut&amp;horization endpoint:</source>
        <translation>Auto&amp;risierungs-Endpunkt:</translation>
    </message>
</context>
<context>
    <name>tether::InProcessService</name>
    <message>
        <source>a sign-in for %1 is already under way; finish or cancel it first</source>
        <translation>für %1 läuft schon eine Anmeldung; schließen Sie sie ab oder brechen Sie sie ab</translation>
    </message>
    <message>
        <source>this Tether cannot start at login</source>
        <translation>dieses Tether kann nicht beim Anmelden starten</translation>
    </message>
</context>
<context>
    <name>tether::MainWindow</name>
    <message>
        <source>Tether</source>
        <translation>Tether</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>No accounts yet.</source>
        <translation>Noch keine Konten.</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>Konto hinzufügen…</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>Konto &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Re&amp;connect</source>
        <translation>&amp;Neu verbinden</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>&amp;Jetzt erneuern</translation>
    </message>
    <message>
        <source>Cop&amp;y access token</source>
        <translation>Zugriffstoken k&amp;opieren</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>T&amp;rennen</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>Ent&amp;fernen…</translation>
    </message>
    <message>
        <source>&amp;Tether</source>
        <translation>&amp;Tether</translation>
    </message>
    <message>
        <source>Refresh &amp;all</source>
        <translation>&amp;Alle erneuern</translation>
    </message>
    <message>
        <source>Start at &amp;login</source>
        <translation>Beim Anmelden &amp;starten</translation>
    </message>
    <message>
        <source>&amp;Close window</source>
        <translation>Fenster s&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Quit Tether</source>
        <translation>Tether &amp;beenden</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Imported tokens for %1</source>
        <translation>Tokens für %1 importiert</translation>
    </message>
    <message>
        <source>%1 is connected</source>
        <translation>%1 ist verbunden</translation>
    </message>
    <message>
        <source>%1 was refreshed</source>
        <translation>%1 wurde erneuert</translation>
    </message>
    <message>
        <source>The access token of %1 is on the clipboard</source>
        <translation>Das Zugriffstoken von %1 liegt in der Zwischenablage</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove %1? Its tokens are revoked where the provider allows it, and its tokens and client secret are deleted from the keychain.</source>
        <translation>%1 entfernen? Seine Tokens werden widerrufen, wo der Anbieter es erlaubt, und seine Tokens und sein Client-Geheimnis werden aus dem Schlüsselbund gelöscht.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Quit Tether</source>
        <translation>Tether beenden</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) will no longer be refreshed until Tether starts again. Quit Tether?</source>
        <translation>
            <numerusform>%n Konto wird nicht mehr erneuert, bis Tether wieder startet. Tether beenden?</numerusform>
            <numerusform>%n Konten werden nicht mehr erneuert, bis Tether wieder startet. Tether beenden?</numerusform>
        </translation>
    </message>
    <message>
        <source>Search by name, id or provider</source>
        <translation>Nach Name, ID oder Anbieter suchen</translation>
    </message>
    <message>
        <source>Search accounts</source>
        <translation>Konten durchsuchen</translation>
    </message>
    <message>
        <source>Detai&amp;ls…</source>
        <translation>&amp;Details…</translation>
    </message>
    <message>
        <source>Acc&amp;ount</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>Re&amp;connect in the browser</source>
        <translation>Im Browser &amp;neu verbinden</translation>
    </message>
    <message>
        <source>Sign in on &amp;another device…</source>
        <translation>Auf &amp;anderem Gerät anmelden…</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Details…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>D&amp;isconnect</source>
        <translation>T&amp;rennen</translation>
    </message>
    <message>
        <source>&amp;Connect in the browser</source>
        <translation>Im Browser &amp;verbinden</translation>
    </message>
    <message>
        <source>%1 was changed</source>
        <translation>%1 wurde geändert</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) need you to sign in again: %1.</source>
        <translation>
            <numerusform>Bei %n Konto müssen Sie sich neu anmelden: %1.</numerusform>
            <numerusform>Bei %n Konten müssen Sie sich neu anmelden: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Start the service</source>
        <translation>Dienst &amp;starten</translation>
    </message>
    <message>
        <source>Tether&apos;s service stopped: accounts are not being refreshed.</source>
        <translation>Der Tether-Dienst wurde beendet: Konten werden nicht erneuert.</translation>
    </message>
    <message>
        <source>Starting Tether&apos;s service…</source>
        <translation>Der Tether-Dienst wird gestartet …</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) not connected yet: %1.</source>
        <translation>
            <numerusform>%n Konto ist noch nicht verbunden: %1.</numerusform>
            <numerusform>%n Konten sind noch nicht verbunden: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tether asks</source>
        <translation>Tether fragt</translation>
    </message>
    <message>
        <source>The sign-in to %1 was cancelled</source>
        <translation>Die Anmeldung bei %1 wurde abgebrochen</translation>
    </message>
    <message>
        <source>The sign-in to %1 did not work: %2</source>
        <translation>Die Anmeldung bei %1 hat nicht geklappt: %2</translation>
    </message>
</context>
<context>
    <name>tether::Notifier</name>
    <message>
        <source>%1 needs you to sign in again</source>
        <translation>%1: Sie müssen sich neu anmelden</translation>
    </message>
    <message>
        <source>%1 must sign in again soon</source>
        <translation>%1: Sie müssen sich bald neu anmelden</translation>
    </message>
    <message>
        <source>Its sign-in ends %1, on %2. Reconnect before then to keep it working.</source>
        <translation>Die Anmeldung endet %1, am %2. Verbinden Sie vorher neu, damit es weiter funktioniert.</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>Tether</source>
        <translation>Tether</translation>
    </message>
    <message>
        <source>Open Tether</source>
        <translation>Tether öffnen</translation>
    </message>
    <message>
        <source>%1 cannot refresh: check its settings</source>
        <translation>%1 kann nicht erneuert werden: prüfen Sie die Einstellungen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
</context>
<context>
    <name>tether::ProviderNames</name>
    <message>
        <source>Demo provider</source>
        <translation>Demo-Anbieter</translation>
    </message>
    <message>
        <source>Demo provider (single-use refresh tokens)</source>
        <translation>Demo-Anbieter (Einmal-Refresh-Tokens)</translation>
    </message>
</context>
<context>
    <name>tether::RefreshOperation</name>
    <message>
        <source>account %1 uses the provider profile &quot;%2&quot;, which is not installed</source>
        <translation>Konto %1 verwendet das Anbieterprofil „%2“, das nicht installiert ist</translation>
    </message>
    <message>
        <source>account %1 is not connected; sign in to it</source>
        <translation>Konto %1 ist nicht verbunden; melden Sie sich an</translation>
    </message>
    <message>
        <source>a refresh of %1 was interrupted after its refresh token was sent; the provider may have spent it, so it is not sent again: reconnect the account</source>
        <translation>eine Erneuerung von %1 wurde unterbrochen, nachdem ihr Refresh-Token gesendet war; der Anbieter hat es vielleicht verbraucht, daher wird es nicht noch einmal gesendet: verbinden Sie das Konto neu</translation>
    </message>
    <message>
        <source>account %1 has no refresh token; reconnect it when its access token expires</source>
        <translation>Konto %1 hat kein Refresh-Token; verbinden Sie es neu, wenn sein Zugriffstoken abläuft</translation>
    </message>
    <message>
        <source>the refresh token of %1 expired on %2; reconnect the account</source>
        <translation>das Refresh-Token von %1 ist am %2 abgelaufen; verbinden Sie das Konto neu</translation>
    </message>
    <message>
        <source>account %1 has no client secret; set it again</source>
        <translation>Konto %1 hat kein Client-Geheimnis; setzen Sie es neu</translation>
    </message>
    <message>
        <source>the response to a refresh of %1 was lost (%2); the provider may have spent its refresh token, so it is not sent again: reconnect the account</source>
        <translation>die Antwort auf eine Erneuerung von %1 ging verloren (%2); der Anbieter hat das Refresh-Token vielleicht verbraucht, daher wird es nicht noch einmal gesendet: verbinden Sie das Konto neu</translation>
    </message>
    <message>
        <source>the client secret has characters that servers which do not decode HTTP Basic credentials read wrongly: try sending it in the request body (client authentication &quot;post&quot;)</source>
        <translation>das Client-Geheimnis enthält Zeichen, die Server ohne Dekodierung der HTTP-Basic-Zugangsdaten falsch lesen: senden Sie es im Inhalt der Anfrage (Client-Authentifizierung „post“)</translation>
    </message>
    <message>
        <source>%1: the provider refused to refresh it (%2), as servers do when the sign-in has ended; reconnect the account</source>
        <translation>%1: der Anbieter hat die Erneuerung abgelehnt (%2), wie es Server tun, wenn die Anmeldung beendet ist; verbinden Sie das Konto neu</translation>
    </message>
    <message>
        <source>the provider issued new tokens for %1 but the keychain did not store them: %2</source>
        <translation>der Anbieter hat neue Tokens für %1 ausgestellt, aber der Schlüsselbund hat sie nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>the keychain did not take the new tokens of %1 (%2); they are held in memory and stored as soon as it is unlocked</source>
        <translation>der Schlüsselbund hat die neuen Tokens von %1 nicht angenommen (%2); sie werden im Speicher gehalten und gespeichert, sobald er entsperrt ist</translation>
    </message>
    <message>
        <source>the keychain did not take the new tokens; they are held in memory until it is unlocked</source>
        <translation>der Schlüsselbund hat die neuen Tokens nicht angenommen; sie werden im Speicher gehalten, bis er entsperrt ist</translation>
    </message>
    <message>
        <source>%1: the provider refused to refresh it (%2); check the account&apos;s client id, secret, scopes and endpoints; if they are right, its sign-in has ended: reconnect it</source>
        <translation>%1: der Anbieter hat die Erneuerung abgelehnt (%2); prüfen Sie Client-ID, Geheimnis, Scopes und Endpunkte des Kontos; wenn sie stimmen, ist die Anmeldung beendet: verbinden Sie das Konto neu</translation>
    </message>
</context>
<context>
    <name>tether::RefreshQueue</name>
    <message>
        <source>Tether is quitting; try again</source>
        <translation>Tether wird beendet; versuchen Sie es erneut</translation>
    </message>
</context>
<context>
    <name>tether::SessionService</name>
    <message>
        <source>there is no D-Bus session bus (%1); the service runs inside a desktop session</source>
        <translation>es gibt keinen D-Bus-Sitzungsbus (%1); der Dienst läuft in einer Desktop-Sitzung</translation>
    </message>
    <message>
        <source>cannot export the D-Bus API: %1</source>
        <translation>die D-Bus-Schnittstelle kann nicht exportiert werden: %1</translation>
    </message>
    <message>
        <source>Tether&apos;s service is already running in this session</source>
        <translation>Der Dienst von Tether läuft in dieser Sitzung bereits</translation>
    </message>
</context>
<context>
    <name>tether::SignIn</name>
    <message>
        <source>account %1 uses a provider profile that is not installed</source>
        <translation>Konto %1 verwendet ein Anbieterprofil, das nicht installiert ist</translation>
    </message>
    <message>
        <source>%1 offers no sign-in on another device (it has no device authorization endpoint)</source>
        <translation>%1 bietet keine Anmeldung auf einem anderen Gerät an (es hat keinen Endpunkt für die Geräte-Autorisierung)</translation>
    </message>
    <message>
        <source>%1 has no authorization endpoint to sign in at; set the account&apos;s authorization endpoint</source>
        <translation>%1 hat keinen Autorisierungs-Endpunkt zum Anmelden; setzen Sie den Autorisierungs-Endpunkt des Kontos</translation>
    </message>
    <message>
        <source>a sign-in for %1 is already under way; finish or cancel it first</source>
        <translation>für %1 läuft schon eine Anmeldung; schließen Sie sie ab oder brechen Sie sie ab</translation>
    </message>
    <message>
        <source>account %1 has no client secret; set it first</source>
        <translation>Konto %1 hat kein Client-Geheimnis; setzen Sie es zuerst</translation>
    </message>
    <message>
        <source>the sign-in was cancelled</source>
        <translation>die Anmeldung wurde abgebrochen</translation>
    </message>
    <message>
        <source>connected %1</source>
        <translation>%1 verbunden</translation>
    </message>
</context>
<context>
    <name>tether::SignInDialog</name>
    <message>
        <source>Sign in to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <source>Opening the sign-in page…</source>
        <translation>Die Anmeldeseite wird geöffnet…</translation>
    </message>
    <message>
        <source>Sign-in address</source>
        <translation>Anmeldeadresse</translation>
    </message>
    <message>
        <source>C&amp;opy address</source>
        <translation>Adresse k&amp;opieren</translation>
    </message>
    <message>
        <source>On any device with a browser, open the address below and enter this code. It expires at %1.</source>
        <translation>Öffnen Sie auf einem beliebigen Gerät mit Browser die Adresse unten und geben Sie diesen Code ein. Er läuft um %1 ab.</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <source>Sign in and approve in the browser window that opened. If it did not open, copy this address into a browser:</source>
        <translation>Melden Sie sich im geöffneten Browserfenster an und bestätigen Sie. Falls es sich nicht geöffnet hat, kopieren Sie diese Adresse in einen Browser:</translation>
    </message>
    <message>
        <source>Copy this address into a browser, sign in and approve:</source>
        <translation>Kopieren Sie diese Adresse in einen Browser, melden Sie sich an und bestätigen Sie:</translation>
    </message>
    <message>
        <source>QR code of the sign-in address</source>
        <translation>QR-Code der Anmeldeadresse</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
</context>
<context>
    <name>tether::StartAtLogin</name>
    <message>
        <source>could not change whether Tether starts at login: %1</source>
        <translation>es konnte nicht geändert werden, ob Tether beim Anmelden startet: %1</translation>
    </message>
    <message>
        <source>the desktop is still asking about starting Tether at login; answer it first</source>
        <translation>die Arbeitsumgebung fragt noch, ob Tether beim Anmelden starten soll; beantworten Sie das zuerst</translation>
    </message>
    <message>
        <source>Tether refreshes your accounts in the background</source>
        <translation>Tether erneuert Ihre Konten im Hintergrund</translation>
    </message>
    <message>
        <source>starting Tether at login was not allowed</source>
        <translation>das Starten von Tether beim Anmelden wurde nicht erlaubt</translation>
    </message>
    <message>
        <source>the desktop could not set Tether to start at login</source>
        <translation>die Arbeitsumgebung konnte Tether nicht beim Anmelden starten lassen</translation>
    </message>
</context>
<context>
    <name>tether::StatusItem</name>
    <message>
        <source>Tether</source>
        <translation>Tether</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) need attention</source>
        <translation>
            <numerusform>%n Konto braucht Aufmerksamkeit</numerusform>
            <numerusform>%n Konten brauchen Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message>
        <source>All accounts are connected</source>
        <translation>Alle Konten sind verbunden</translation>
    </message>
    <message>
        <source>Open Tether</source>
        <translation>Tether öffnen</translation>
    </message>
    <message>
        <source>Refresh all</source>
        <translation>Alle erneuern</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Beim Anmelden starten</translation>
    </message>
    <message>
        <source>Quit Tether</source>
        <translation>Tether beenden</translation>
    </message>
</context>
</TS>

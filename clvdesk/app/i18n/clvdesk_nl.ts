<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AssumptionsPage</name>
    <message>
        <source>Costs and assumptions</source>
        <extracomment>Order-table columns offered to split acquisition cost and results by.</extracomment>
        <translation>Kosten en aannames</translation>
    </message>
    <message>
        <source>What CLV needs besides the orders: the time unit of the data, how far ahead to look, the margin on revenue, the discount rate and what a new customer costs to acquire.</source>
        <translation>Wat CLV naast de orders nodig heeft: de tijdseenheid van de data, hoe ver vooruit u kijkt, de marge op de omzet, de disconteringsvoet en wat het kost om een nieuwe klant te werven.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Time unit of the data</source>
        <translation>Tijdseenheid van de data</translation>
    </message>
    <message>
        <source>End of calibration</source>
        <translation>Einde kalibratie</translation>
    </message>
    <message>
        <source>last order date</source>
        <translation>laatste orderdatum</translation>
    </message>
    <message>
        <source>End of holdout</source>
        <translation>Einde controleperiode</translation>
    </message>
    <message>
        <source>check the model on a holdout</source>
        <translation>model controleren op een controleperiode</translation>
    </message>
    <message>
        <source>Horizon (how far ahead)</source>
        <translation>Horizon (hoe ver vooruit)</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Geld</translation>
    </message>
    <message>
        <source>Gross margin (% of revenue)</source>
        <translation>Brutomarge (% van de omzet)</translation>
    </message>
    <message>
        <source>Discount rate (% per year)</source>
        <translation>Disconteringsvoet (% per jaar)</translation>
    </message>
    <message>
        <source>Currency symbol</source>
        <translation>Valutasymbool</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modellen</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Aankopen</translation>
    </message>
    <message>
        <source>Spend per order</source>
        <translation>Besteding per order</translation>
    </message>
    <message>
        <source>none (purchases and P(alive) only)</source>
        <translation>geen (alleen aankopen en P(actief))</translation>
    </message>
    <message>
        <source>Penalty (regularisation)</source>
        <translation>Straf (regularisatie)</translation>
    </message>
    <message>
        <source>L2 penalty on the models&apos; log parameters; 0 = plain maximum likelihood</source>
        <translation>L2-straf op de logaritmen van de modelparameters; 0 = gewone maximum likelihood</translation>
    </message>
    <message>
        <source>add one when needed</source>
        <translation>zo nodig toevoegen</translation>
    </message>
    <message>
        <source>add a penalty when the data cannot pin the model down</source>
        <translation>een straf toevoegen als de gegevens het model niet kunnen vastleggen</translation>
    </message>
    <message>
        <source>Acquisition cost (CAC)</source>
        <translation>Acquisitiekosten (CAC)</translation>
    </message>
    <message>
        <source>CAC per new customer ({0})</source>
        <translation>CAC per nieuwe klant ({0})</translation>
    </message>
    <message>
        <source>use the acquisition cost column of the data</source>
        <translation>de kolom acquisitiekosten uit de data gebruiken</translation>
    </message>
    <message>
        <source>Split results by</source>
        <translation>Resultaten uitsplitsen naar</translation>
    </message>
    <message>
        <source>(no split)</source>
        <translation>(geen uitsplitsing)</translation>
    </message>
    <message>
        <source>With a split, CLV is shown per segment or channel, and you can give each its own acquisition cost below (empty: the overall CAC). A customer belongs to the segment of the first order.</source>
        <translation>Met een uitsplitsing ziet u CLV per segment of kanaal, en kunt u hieronder elk zijn eigen acquisitiekosten geven (leeg: de algemene CAC). Een klant hoort bij het segment van de eerste order.</translation>
    </message>
    <message>
        <source>Segment or channel</source>
        <translation>Segment of kanaal</translation>
    </message>
    <message>
        <source>CAC ({0})</source>
        <translation>CAC ({0})</translation>
    </message>
    <message>
        <source>Run analysis  (F5)</source>
        <translation>Analyse uitvoeren  (F5)</translation>
    </message>
</context>
<context>
    <name>ColumnLabels</name>
    <message>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>Orderdatum</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Bedrag</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanaal</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Ordernummer</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Marge</translation>
    </message>
    <message>
        <source>NPS score</source>
        <translation>NPS-score</translation>
    </message>
    <message>
        <source>Acquisition cost</source>
        <translation>Acquisitiekosten</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Data</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <source>Orders are the start: one row per order with customer, date and amount (segment and channel optional). Import a CSV, Excel or Parquet export, type orders by hand, or open the CDNOW demo data.</source>
        <translation>Orders zijn het begin: één rij per order met klant, datum en bedrag (segment en kanaal optioneel). Importeer een CSV-, Excel- of Parquet-export, typ orders zelf in, of open de CDNOW-demodata.</translation>
    </message>
    <message>
        <source>Import order file...</source>
        <translation>Orderbestand importeren...</translation>
    </message>
    <message>
        <source>Open demo data (CDNOW)</source>
        <translation>Demodata openen (CDNOW)</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>customer, segment or channel contains...</source>
        <translation>klant, segment of kanaal bevat...</translation>
    </message>
    <message>
        <source>Loaded orders</source>
        <translation>Geladen orders</translation>
    </message>
    <message>
        <source>Enter orders by hand</source>
        <translation>Orders zelf invoeren</translation>
    </message>
    <message>
        <source>Type one order per row; the last row is always empty for a new order. Dates as 2024-12-31 or 31-12-2024, amounts as 12.50 or 12,50. Invalid cells turn red.</source>
        <translation>Typ één order per rij; de laatste rij is altijd leeg voor een nieuwe order. Datums als 2024-12-31 of 31-12-2024, bedragen als 12,50 of 12.50. Ongeldige cellen worden rood.</translation>
    </message>
    <message>
        <source>Delete selected rows</source>
        <translation>Geselecteerde rijen verwijderen</translation>
    </message>
    <message>
        <source>Use these orders</source>
        <translation>Deze orders gebruiken</translation>
    </message>
    <message>
        <source>Import orders</source>
        <translation>Orders importeren</translation>
    </message>
    <message>
        <source>Order files ({0});;All files (*)</source>
        <translation>Orderbestanden ({0});;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Checking the typed orders</source>
        <translation>Ingevoerde orders controleren</translation>
    </message>
    <message>
        <source>{0} orders</source>
        <translation>{0} orders</translation>
    </message>
    <message>
        <source>{0} of {1} orders</source>
        <translation>{0} van {1} orders</translation>
    </message>
    <message>
        <source>Source: CDNOW demo data (1/10 sample, Fader, Hardie &amp; Lee 2005; amounts in US dollars).</source>
        <translation>Bron: CDNOW-demodata (steekproef van 1/10, Fader, Hardie &amp; Lee 2005; bedragen in Amerikaanse dollars).</translation>
    </message>
    <message>
        <source>Source: {0}</source>
        <translation>Bron: {0}</translation>
    </message>
    <message>
        <source>Source: orders typed by hand ({0} rows).</source>
        <translation>Bron: zelf ingevoerde orders ({0} rijen).</translation>
    </message>
    <message>
        <source>No data yet.</source>
        <translation>Nog geen gegevens.</translation>
    </message>
    <message>
        <source>{0} orders of {1} customers, {2} to {3}.</source>
        <translation>{0} orders van {1} klanten, {2} tot en met {3}.</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Check the file, the column mapping or the value you entered, then try again.</source>
        <translation>Controleer het bestand, de kolomkoppeling of de ingevoerde waarde en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Try another model, another time unit or more data; the Quality page shows whether enough customers bought more than once.</source>
        <translation>Probeer een ander model, een andere tijdseenheid of meer data; de pagina Kwaliteit laat zien of genoeg klanten vaker dan eens kochten.</translation>
    </message>
    <message>
        <source>The data cannot support this calculation. Look at the Quality page for what is missing, or use a longer period of orders.</source>
        <translation>De data zijn niet toereikend voor deze berekening. Kijk op de pagina Kwaliteit wat er ontbreekt, of gebruik een langere periode met orders.</translation>
    </message>
    <message>
        <source>Check your input and try again.</source>
        <translation>Controleer uw invoer en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>file not found: {0}</source>
        <translation>bestand niet gevonden: {0}</translation>
    </message>
    <message>
        <source>Check that the file still exists, or choose another file.</source>
        <translation>Controleer of het bestand nog bestaat, of kies een ander bestand.</translation>
    </message>
    <message>
        <source>no permission to use {0}</source>
        <translation>geen toestemming om {0} te gebruiken</translation>
    </message>
    <message>
        <source>Choose a folder you may write to, or close the file in other programs.</source>
        <translation>Kies een map waarin u mag schrijven, of sluit het bestand in andere programma&apos;s.</translation>
    </message>
    <message>
        <source>Check the disk, the folder and the file, then try again.</source>
        <translation>Controleer de schijf, de map en het bestand en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>not enough memory</source>
        <translation>onvoldoende geheugen</translation>
    </message>
    <message>
        <source>Close other programs or use a smaller file; your work is kept.</source>
        <translation>Sluit andere programma&apos;s of gebruik een kleiner bestand; uw werk blijft bewaard.</translation>
    </message>
    <message>
        <source>Unexpected problem</source>
        <translation>Onverwacht probleem</translation>
    </message>
    <message>
        <source>CLV Desk ran into a problem it did not expect ({0}: {1}).</source>
        <translation>CLV Desk liep tegen een onverwacht probleem aan ({0}: {1}).</translation>
    </message>
    <message>
        <source>Your work is kept. Save the project, then please report this with the details below.</source>
        <translation>Uw werk blijft bewaard. Sla het project op en meld dit probleem met de details hieronder.</translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation>Kan niet verder</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Take the results away: a report workbook to share, or the tables as files.</source>
        <translation>Neem de resultaten mee: een rapportwerkmap om te delen, of de tabellen als bestanden.</translation>
    </message>
    <message>
        <source>Report workbook (Excel)</source>
        <translation>Rapportwerkmap (Excel)</translation>
    </message>
    <message>
        <source>Sheets for the assumptions, CLV per customer, segments, cohorts, scenarios, model fit and data quality, with charts. The simple CLV is written as live Excel formulas: change an assumption in Excel and CLV updates without CLV Desk. Labels and number formats follow the interface language.</source>
        <translation>Bladen voor de aannames, CLV per klant, segmenten, cohorten, scenario&apos;s, modelfit en datakwaliteit, met grafieken. De eenvoudige CLV staat er als werkende Excel-formules in: wijzig een aanname in Excel en de CLV rekent mee zonder CLV Desk. Teksten en getalnotatie volgen de taal van het programma.</translation>
    </message>
    <message>
        <source>Save report workbook...</source>
        <translation>Rapportwerkmap opslaan...</translation>
    </message>
    <message>
        <source>Tables (CSV, Excel or Parquet)</source>
        <translation>Tabellen (CSV, Excel of Parquet)</translation>
    </message>
    <message>
        <source>One table per file; the file type follows the name (.csv, .xlsx or .parquet).</source>
        <translation>Eén tabel per bestand; het bestandstype volgt uit de naam (.csv, .xlsx of .parquet).</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabel</translation>
    </message>
    <message>
        <source>CLV per customer</source>
        <translation>CLV per klant</translation>
    </message>
    <message>
        <source>CLV per segment</source>
        <translation>CLV per segment</translation>
    </message>
    <message>
        <source>Orders as imported</source>
        <translation>Orders zoals geïmporteerd</translation>
    </message>
    <message>
        <source>Cohort summary</source>
        <translation>Cohortoverzicht</translation>
    </message>
    <message>
        <source>Save table...</source>
        <translation>Tabel opslaan...</translation>
    </message>
    <message>
        <source>Run the analysis first (F5) to export results.</source>
        <translation>Voer eerst de analyse uit (F5) om resultaten te exporteren.</translation>
    </message>
    <message>
        <source>Save report workbook</source>
        <translation>Rapportwerkmap opslaan</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-werkmap (*.xlsx)</translation>
    </message>
    <message>
        <source>Saving the report workbook</source>
        <translation>Rapportwerkmap opslaan</translation>
    </message>
    <message>
        <source>Save table</source>
        <translation>Tabel opslaan</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Excel (*.xlsx);;Parquet (*.parquet)</source>
        <translation>CSV (*.csv);;Excel (*.xlsx);;Parquet (*.parquet)</translation>
    </message>
    <message>
        <source>nothing to export yet: run the analysis first</source>
        <translation>nog niets te exporteren: voer eerst de analyse uit</translation>
    </message>
    <message>
        <source>Saving {0}</source>
        <translation>{0} opslaan</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0} opgeslagen</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import {0}</source>
        <extracomment>Canonical columns offered in the mapping, required first.</extracomment>
        <translation>{0} importeren</translation>
    </message>
    <message>
        <source>How to read the file</source>
        <translation>Hoe het bestand te lezen</translation>
    </message>
    <message>
        <source>detect</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>point (1,234.56)</source>
        <translation>punt (1,234.56)</translation>
    </message>
    <message>
        <source>comma (1.234,56)</source>
        <translation>komma (1.234,56)</translation>
    </message>
    <message>
        <source>day first (31-12-2024)</source>
        <translation>dag eerst (31-12-2024)</translation>
    </message>
    <message>
        <source>month first (12/31/2024)</source>
        <translation>maand eerst (12/31/2024)</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Werkblad</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>Kopregel</translation>
    </message>
    <message>
        <source>Decimal separator</source>
        <translation>Decimaalteken</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Datums</translation>
    </message>
    <message>
        <source>Which column is which</source>
        <translation>Welke kolom is wat</translation>
    </message>
    <message>
        <source>First rows of the file:</source>
        <translation>Eerste rijen van het bestand:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>Reading {0}</source>
        <translation>{0} lezen</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>(niet in het bestand)</translation>
    </message>
    <message>
        <source>format: {0}</source>
        <translation>formaat: {0}</translation>
    </message>
    <message>
        <source>encoding</source>
        <translation>codering</translation>
    </message>
    <message>
        <source>delimiter</source>
        <translation>scheidingsteken</translation>
    </message>
    <message>
        <source>header on row</source>
        <translation>kopregel op rij</translation>
    </message>
    <message>
        <source>Detected {0}.</source>
        <translation>Herkend: {0}.</translation>
    </message>
    <message>
        <source>Choose the column for: {0}.</source>
        <translation>Kies de kolom voor: {0}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <extracomment>Seconds between autosaves of unsaved work to the recovery file. Emitted when a job ends, with the job name and &quot;finished&quot; | &quot;failed&quot; | &quot;cancelled&quot;. Emitted after a new analysis result is in the session. Emitted after new orders (and their quality report) are in the session.</extracomment>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;New project</source>
        <translation>&amp;Nieuw project</translation>
    </message>
    <message>
        <source>&amp;Open project...</source>
        <translation>Project &amp;openen...</translation>
    </message>
    <message>
        <source>&amp;Save project</source>
        <translation>Project op&amp;slaan</translation>
    </message>
    <message>
        <source>Save project &amp;as...</source>
        <translation>Project opslaan &amp;als...</translation>
    </message>
    <message>
        <source>&amp;Import orders...</source>
        <translation>Orders &amp;importeren...</translation>
    </message>
    <message>
        <source>Open the &amp;demo data (CDNOW)</source>
        <translation>&amp;Demodata openen (CDNOW)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>A&amp;nalyse</translation>
    </message>
    <message>
        <source>&amp;Run analysis</source>
        <translation>Analyse &amp;uitvoeren</translation>
    </message>
    <message>
        <source>&amp;Cancel the running job</source>
        <translation>Lopende taak an&amp;nuleren</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About CLV Desk</source>
        <translation>&amp;Over CLV Desk</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Gereed</translation>
    </message>
    <message>
        <source>Untitled project</source>
        <translation>Naamloos project</translation>
    </message>
    <message>
        <source>Stopped: see the message</source>
        <translation>Gestopt: zie de melding</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed</source>
        <translation>Geannuleerd; er is niets gewijzigd</translation>
    </message>
    <message>
        <source>Reading orders...</source>
        <translation>Orders lezen...</translation>
    </message>
    <message>
        <source>{0} orders of {1} customers loaded</source>
        <translation>{0} orders van {1} klanten geladen</translation>
    </message>
    <message>
        <source>the entered orders</source>
        <translation>de ingevoerde orders</translation>
    </message>
    <message>
        <source>Reading {0}</source>
        <translation>{0} lezen</translation>
    </message>
    <message>
        <source>there are no orders yet: enter or import them on the Data page</source>
        <translation>er zijn nog geen orders: voer ze in of importeer ze op de pagina Gegevens</translation>
    </message>
    <message>
        <source>Fitting models and predicting CLV...</source>
        <translation>Modellen schatten en CLV voorspellen...</translation>
    </message>
    <message>
        <source>Running the analysis</source>
        <translation>Analyse uitvoeren</translation>
    </message>
    <message>
        <source>Analysis done</source>
        <translation>Analyse klaar</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Project openen</translation>
    </message>
    <message>
        <source>CLV Desk projects (*{0} *.json)</source>
        <translation>CLV Desk-projecten (*{0} *.json)</translation>
    </message>
    <message>
        <source>Opening {0}</source>
        <translation>{0} openen</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>Project opslaan</translation>
    </message>
    <message>
        <source>CLV Desk projects (*{0})</source>
        <translation>CLV Desk-projecten (*{0})</translation>
    </message>
    <message>
        <source>Saving {0}</source>
        <translation>{0} opslaan</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0} opgeslagen</translation>
    </message>
    <message>
        <source>Autosave failed: {0}</source>
        <translation>Automatisch opslaan mislukt: {0}</translation>
    </message>
    <message>
        <source>Could not remove the recovery file</source>
        <translation>Het herstelbestand kon niet worden verwijderd</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>Niet-opgeslagen werk herstellen?</translation>
    </message>
    <message>
        <source>CLV Desk was closed without saving your work of {0}. Restore it?</source>
        <translation>CLV Desk is afgesloten zonder uw werk van {0} op te slaan. Herstellen?</translation>
    </message>
    <message>
        <source>Restoring unsaved work</source>
        <translation>Niet-opgeslagen werk herstellen</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <source>This project has changes that are not saved. Save them first?</source>
        <translation>Dit project heeft wijzigingen die niet zijn opgeslagen. Eerst opslaan?</translation>
    </message>
    <message>
        <source>About CLV Desk</source>
        <translation>Over CLV Desk</translation>
    </message>
    <message>
        <source>CLV Desk {0}

Customer lifetime value: closed-form and predictive (BG/NBD, Pareto/NBD, Gamma-Gamma and more).
Demo data: CDNOW (Fader, Hardie &amp; Lee 2005).</source>
        <translation>CLV Desk {0}

Customer lifetime value: met formules en voorspellend (BG/NBD, Pareto/NBD, Gamma-Gamma en meer).
Demodata: CDNOW (Fader, Hardie &amp; Lee 2005).</translation>
    </message>
</context>
<context>
    <name>OrderEntry</name>
    <message>
        <source>row {0}, {1}: {2}</source>
        <extracomment>Canonical column names, in display order. Context of these texts in the translation files (see :mod:`clvdesk.app.i18n`).</extracomment>
        <translation>rij {0}, {1}: {2}</translation>
    </message>
    <message>
        <source>required</source>
        <translation>verplicht</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a number</source>
        <translation>&apos;{0}&apos; is geen getal</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a date (use YYYY-MM-DD or DD-MM-YYYY)</source>
        <translation>&apos;{0}&apos; is geen datum (gebruik JJJJ-MM-DD of DD-MM-JJJJ)</translation>
    </message>
</context>
<context>
    <name>QualityActions</name>
    <message>
        <source>excluded: left out of every computation</source>
        <extracomment>The core&apos;s action texts (:data:`clvdesk.core.quality.ISSUE_KINDS`), marked for translation. A text the core changes and this list lacks is shown as the core wrote it.</extracomment>
        <translation>weggelaten: telt in geen enkele berekening mee</translation>
    </message>
    <message>
        <source>kept: the row is used, the unreadable value is treated as missing</source>
        <translation>behouden: de rij wordt gebruikt, de onleesbare waarde telt als ontbrekend</translation>
    </message>
    <message>
        <source>kept: counted as orders; a customer&apos;s orders of one day are added into one purchase, so a double export inflates spend (remove the copies in the source if they are errors)</source>
        <translation>behouden: telt als orders; de orders van een klant op één dag worden samengeteld tot één aankoop, dus een dubbele export blaast de besteding op (verwijder de kopieën in de bron als het fouten zijn)</translation>
    </message>
    <message>
        <source>kept and netted: each return is netted into the order with its order id, else into the customer&apos;s latest purchase day on or before it; a purchase day netted to zero or less is no purchase (its amounts still count in spend); a return before any purchase only lowers spend</source>
        <translation>behouden en verrekend: elke retour wordt verrekend met de order met hetzelfde ordernummer, anders met de laatste aankoopdag van de klant op of vóór de retour; een aankoopdag die op nul of minder uitkomt telt niet als aankoop (de bedragen tellen wel mee in de besteding); een retour vóór elke aankoop verlaagt alleen de besteding</translation>
    </message>
    <message>
        <source>kept: counted as purchases of value 0 (they lower the average order value)</source>
        <translation>behouden: telt als aankopen met waarde 0 (ze verlagen de gemiddelde orderwaarde)</translation>
    </message>
    <message>
        <source>kept: the analysis ends at the last order date unless an end date is set, so these move the end into the future; fix the dates or set the end date</source>
        <translation>behouden: de analyse eindigt op de laatste orderdatum tenzij een einddatum is ingesteld, dus deze verschuiven het einde naar de toekomst; herstel de datums of stel de einddatum in</translation>
    </message>
    <message>
        <source>kept: used as is; check them for typing errors such as a missing decimal comma</source>
        <translation>behouden: gebruikt zoals ze zijn; controleer ze op typefouten zoals een ontbrekende decimale komma</translation>
    </message>
    <message>
        <source>kept: they count in every model with no repeat purchases; the spend model (Gamma-Gamma) learns order values from repeat buyers only</source>
        <translation>behouden: ze tellen in elk model mee zonder herhaalaankopen; het bestedingsmodel (Gamma-Gamma) leert orderwaarden alleen van herhaalkopers</translation>
    </message>
    <message>
        <source>no effect on the computation; a month without orders often means a missing export</source>
        <translation>geen invloed op de berekening; een maand zonder orders wijst vaak op een ontbrekende export</translation>
    </message>
</context>
<context>
    <name>QualityDescriptions</name>
    <message>
        <source>rows that do not split into the header&apos;s columns</source>
        <translation>rijen die niet in de kolommen van de kopregel passen</translation>
    </message>
    <message>
        <source>rows without a customer id</source>
        <translation>rijen zonder klantnummer</translation>
    </message>
    <message>
        <source>rows without a date</source>
        <translation>rijen zonder datum</translation>
    </message>
    <message>
        <source>dates that cannot be read</source>
        <translation>datums die niet te lezen zijn</translation>
    </message>
    <message>
        <source>rows without an amount</source>
        <translation>rijen zonder bedrag</translation>
    </message>
    <message>
        <source>amounts that cannot be read</source>
        <translation>bedragen die niet te lezen zijn</translation>
    </message>
    <message>
        <source>values of optional columns that cannot be read</source>
        <translation>waarden in optionele kolommen die niet te lezen zijn</translation>
    </message>
    <message>
        <source>rows identical to an earlier row</source>
        <translation>rijen gelijk aan een eerdere rij</translation>
    </message>
    <message>
        <source>returns and negative amounts</source>
        <translation>retouren en negatieve bedragen</translation>
    </message>
    <message>
        <source>orders with amount 0</source>
        <translation>orders met bedrag 0</translation>
    </message>
    <message>
        <source>orders dated after today</source>
        <translation>orders gedateerd na vandaag</translation>
    </message>
    <message>
        <source>amounts far from the usual ones (beyond 3 IQR of the log amounts)</source>
        <translation>bedragen ver van de gebruikelijke (meer dan 3 IQR buiten de log-bedragen)</translation>
    </message>
    <message>
        <source>customers who bought on one day only</source>
        <translation>klanten die op maar één dag kochten</translation>
    </message>
    <message>
        <source>months without any order between the first and last order</source>
        <translation>maanden zonder enige order tussen de eerste en de laatste order</translation>
    </message>
    <message>
        <source>{0}: outside {1} .. {2}</source>
        <translation>{0}: buiten {1} .. {2}</translation>
    </message>
</context>
<context>
    <name>QualityExamples</name>
    <message>
        <source>row {0}: {1} {2} {3}</source>
        <translation>rij {0}: {1} {2} {3}</translation>
    </message>
    <message>
        <source>row {0}</source>
        <translation>rij {0}</translation>
    </message>
</context>
<context>
    <name>QualityIssues</name>
    <message>
        <source>Rows that do not fit the header</source>
        <translation>Rijen die niet bij de kopregel passen</translation>
    </message>
    <message>
        <source>Rows without a customer</source>
        <translation>Rijen zonder klant</translation>
    </message>
    <message>
        <source>Rows without a date</source>
        <translation>Rijen zonder datum</translation>
    </message>
    <message>
        <source>Dates that cannot be read</source>
        <translation>Onleesbare datums</translation>
    </message>
    <message>
        <source>Rows without an amount</source>
        <translation>Rijen zonder bedrag</translation>
    </message>
    <message>
        <source>Amounts that cannot be read</source>
        <translation>Onleesbare bedragen</translation>
    </message>
    <message>
        <source>Unreadable values in optional columns</source>
        <translation>Onleesbare waarden in optionele kolommen</translation>
    </message>
    <message>
        <source>Duplicate rows</source>
        <translation>Dubbele rijen</translation>
    </message>
    <message>
        <source>Returns and negative amounts</source>
        <translation>Retouren en negatieve bedragen</translation>
    </message>
    <message>
        <source>Orders of amount 0</source>
        <translation>Orders met bedrag 0</translation>
    </message>
    <message>
        <source>Orders dated in the future</source>
        <translation>Orders met een datum in de toekomst</translation>
    </message>
    <message>
        <source>Unusual amounts (outliers)</source>
        <translation>Ongewone bedragen (uitschieters)</translation>
    </message>
    <message>
        <source>One-time buyers</source>
        <translation>Eenmalige kopers</translation>
    </message>
    <message>
        <source>Months without orders</source>
        <translation>Maanden zonder orders</translation>
    </message>
</context>
<context>
    <name>QualityPage</name>
    <message>
        <source>Quality</source>
        <translation>Kwaliteit</translation>
    </message>
    <message>
        <source>Check the data before trusting a number: what was read, what is wrong with it and what the calculation does with each problem. Red rows are left out.</source>
        <translation>Controleer de data voordat u een getal vertrouwt: wat er is gelezen, wat er mis is en wat de berekening met elk probleem doet. Rode rijen worden weggelaten.</translation>
    </message>
    <message>
        <source>Rows read</source>
        <translation>Rijen gelezen</translation>
    </message>
    <message>
        <source>Orders used</source>
        <translation>Orders gebruikt</translation>
    </message>
    <message>
        <source>Rows left out</source>
        <translation>Rijen weggelaten</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Klanten</translation>
    </message>
    <message>
        <source>Revenue ({0})</source>
        <translation>Omzet ({0})</translation>
    </message>
    <message>
        <source>First to last order</source>
        <translation>Eerste tot laatste order</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Aandeel</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Voorbeelden</translation>
    </message>
    <message>
        <source>What the calculation does</source>
        <translation>Wat de berekening doet</translation>
    </message>
    <message>
        <source>No data yet: load orders on the Data page.</source>
        <translation>Nog geen gegevens: laad orders op de pagina Gegevens.</translation>
    </message>
    <message>
        <source>{0} rows are left out of every calculation (red below). Fix them in the source file and import it again if they matter.</source>
        <translation>{0} rijen worden in elke berekening weggelaten (rood hieronder). Herstel ze in het bronbestand en importeer opnieuw als ze ertoe doen.</translation>
    </message>
    <message>
        <source>No rows had to be left out.</source>
        <translation>Er hoefden geen rijen te worden weggelaten.</translation>
    </message>
</context>
<context>
    <name>ResultLabels</name>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Klanten</translation>
    </message>
    <message>
        <source>Bought again</source>
        <translation>Kocht opnieuw</translation>
    </message>
    <message>
        <source>Revenue to date</source>
        <translation>Omzet tot nu</translation>
    </message>
    <message>
        <source>Average order</source>
        <translation>Gemiddelde order</translation>
    </message>
    <message>
        <source>Expected purchases</source>
        <translation>Verwachte aankopen</translation>
    </message>
    <message>
        <source>CLV</source>
        <translation>CLV</translation>
    </message>
    <message>
        <source>CLV per customer</source>
        <translation>CLV per klant</translation>
    </message>
    <message>
        <source>CLV low</source>
        <translation>CLV laag</translation>
    </message>
    <message>
        <source>CLV high</source>
        <translation>CLV hoog</translation>
    </message>
    <message>
        <source>Low per customer</source>
        <translation>Laag per klant</translation>
    </message>
    <message>
        <source>High per customer</source>
        <translation>Hoog per klant</translation>
    </message>
    <message>
        <source>CAC</source>
        <translation>CAC</translation>
    </message>
    <message>
        <source>Revenue so far</source>
        <translation>Omzet tot nu</translation>
    </message>
    <message>
        <source>Avg. order</source>
        <translation>Gem. order</translation>
    </message>
    <message>
        <source>Exp. purchases</source>
        <translation>Verw. aankopen</translation>
    </message>
    <message>
        <source>CLV total</source>
        <translation>CLV totaal</translation>
    </message>
    <message>
        <source>Total low</source>
        <translation>Totaal laag</translation>
    </message>
    <message>
        <source>Total high</source>
        <translation>Totaal hoog</translation>
    </message>
    <message>
        <source>all customers</source>
        <translation>alle klanten</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>CLV after CAC</source>
        <translation>CLV na CAC</translation>
    </message>
    <message>
        <source>LTV:CAC</source>
        <translation>LTV:CAC</translation>
    </message>
    <message>
        <source>Repeat purchases</source>
        <translation>Herhaalaankopen</translation>
    </message>
    <message>
        <source>Recency</source>
        <translation>Recentheid</translation>
    </message>
    <message>
        <source>Age (T)</source>
        <translation>Leeftijd (T)</translation>
    </message>
    <message>
        <source>P(alive)</source>
        <translation>P(actief)</translation>
    </message>
    <message>
        <source>Spend per order</source>
        <translation>Besteding per order</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameters</translation>
    </message>
    <message>
        <source>Log-likelihood</source>
        <translation>Log-likelihood</translation>
    </message>
    <message>
        <source>Holdout MAE</source>
        <translation>MAE controleperiode</translation>
    </message>
    <message>
        <source>Holdout RMSE</source>
        <translation>RMSE controleperiode</translation>
    </message>
    <message>
        <source>Predicted holdout purchases</source>
        <translation>Voorspelde aankopen controleperiode</translation>
    </message>
    <message>
        <source>Actual holdout purchases</source>
        <translation>Werkelijke aankopen controleperiode</translation>
    </message>
    <message>
        <source>Holdout error (%)</source>
        <translation>Afwijking controleperiode (%)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>Results</source>
        <extracomment>Segment table columns in the order shown: what compares segments first (CLV per customer with its range, CAC, CLV after CAC, LTV:CAC), then the totals and their inputs. Columns the core adds later are shown after these.</extracomment>
        <translation>Resultaten</translation>
    </message>
    <message>
        <source>Predicted customer lifetime value over the horizon, per segment and per customer, with the range from the models&apos; uncertainty, and the checks of the model.</source>
        <translation>Voorspelde customer lifetime value over de horizon, per segment en per klant, met de bandbreedte uit de onzekerheid van de modellen, en de controles van het model.</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Klanten</translation>
    </message>
    <message>
        <source>Bought again</source>
        <translation>Kocht opnieuw</translation>
    </message>
    <message>
        <source>Total CLV</source>
        <translation>Totale CLV</translation>
    </message>
    <message>
        <source>CLV per customer</source>
        <translation>CLV per klant</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Per segment</source>
        <translation>Per segment</translation>
    </message>
    <message>
        <source>Per customer</source>
        <translation>Per klant</translation>
    </message>
    <message>
        <source>P(alive)</source>
        <translation>P(actief)</translation>
    </message>
    <message>
        <source>Cohorts</source>
        <translation>Cohorten</translation>
    </message>
    <message>
        <source>Model fit</source>
        <translation>Modelfit</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>customer or segment contains...</source>
        <translation>klant of segment bevat...</translation>
    </message>
    <message>
        <source>CLV at least ({0}):</source>
        <translation>CLV minstens ({0}):</translation>
    </message>
    <message>
        <source>Run the analysis on the Costs and assumptions page (F5).</source>
        <translation>Voer de analyse uit op de pagina Kosten en aannames (F5).</translation>
    </message>
    <message>
        <source>No results yet.</source>
        <translation>Nog geen resultaten.</translation>
    </message>
    <message>
        <source>CLV = margin on the expected spend over the next {0} {1}, at {2} gross margin, discounted at {3} a year; the range is the {4} interval from the model&apos;s uncertainty. Data in {5}, calibration to {6}.</source>
        <translation>CLV = marge op de verwachte besteding in de komende {0} {1}, bij {2} brutomarge, verdisconteerd tegen {3} per jaar; de bandbreedte is het {4}-interval uit de onzekerheid van het model. Data in {5}, kalibratie tot {6}.</translation>
    </message>
    <message>
        <source>No spend model: purchases and P(alive) only.</source>
        <translation>Geen bestedingsmodel: alleen aankopen en P(actief).</translation>
    </message>
    <message>
        <source>Note: {0}</source>
        <translation>Let op: {0}</translation>
    </message>
    <message>
        <source>{0} customers</source>
        <translation>{0} klanten</translation>
    </message>
    <message>
        <source>{0} of {1} customers</source>
        <translation>{0} van {1} klanten</translation>
    </message>
    <message>
        <source>{0} interval</source>
        <translation>{0}-interval</translation>
    </message>
    <message>
        <source>CAC</source>
        <translation>CAC</translation>
    </message>
    <message>
        <source>CLV per customer ({0})</source>
        <translation>CLV per klant ({0})</translation>
    </message>
    <message>
        <source>CLV per customer by segment</source>
        <translation>CLV per klant per segment</translation>
    </message>
    <message>
        <source>mean {0}</source>
        <translation>gemiddeld {0}</translation>
    </message>
    <message>
        <source>CLV per customer ({0}); top 1 % shown at the edge</source>
        <translation>CLV per klant ({0}); bovenste 1 % aan de rand getoond</translation>
    </message>
    <message>
        <source>Distribution of predicted CLV</source>
        <translation>Verdeling van de voorspelde CLV</translation>
    </message>
    <message>
        <source>Recency: age at last purchase ({0})</source>
        <translation>Recentheid: leeftijd bij laatste aankoop ({0})</translation>
    </message>
    <message>
        <source>Frequency: repeat purchases</source>
        <translation>Frequentie: herhaalaankopen</translation>
    </message>
    <message>
        <source>Probability a customer is still active, for a customer aged {0} {1}</source>
        <translation>Kans dat een klant nog actief is, voor een klant van {0} {1}</translation>
    </message>
    <message>
        <source>Months since first order</source>
        <translation>Maanden sinds de eerste order</translation>
    </message>
    <message>
        <source>Cumulative revenue per customer ({0})</source>
        <translation>Cumulatieve omzet per klant ({0})</translation>
    </message>
    <message>
        <source>Cohorts by month of first order</source>
        <translation>Cohorten naar maand van de eerste order</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>werkelijk</translation>
    </message>
    <message>
        <source>model</source>
        <translation>model</translation>
    </message>
    <message>
        <source>holdout</source>
        <translation>controleperiode</translation>
    </message>
    <message>
        <source>Time ({0})</source>
        <translation>Tijd ({0})</translation>
    </message>
    <message>
        <source>Cumulative repeat purchases</source>
        <translation>Cumulatieve herhaalaankopen</translation>
    </message>
    <message>
        <source>Repeat purchases: actual and model</source>
        <translation>Herhaalaankopen: werkelijk en model</translation>
    </message>
    <message>
        <source>Repeat purchases in calibration</source>
        <translation>Herhaalaankopen in kalibratie</translation>
    </message>
    <message>
        <source>Purchases per customer in holdout</source>
        <translation>Aankopen per klant in controleperiode</translation>
    </message>
    <message>
        <source>Holdout by calibration frequency</source>
        <translation>Controleperiode naar kalibratiefrequentie</translation>
    </message>
</context>
<context>
    <name>ScenarioLabels</name>
    <message>
        <source>Average order ({0})</source>
        <extracomment>Scenario inputs in table order; True marks fractions shown as percentages. Result rows of the comparison table.</extracomment>
        <translation>Gemiddelde order ({0})</translation>
    </message>
    <message>
        <source>Purchases per year</source>
        <translation>Aankopen per jaar</translation>
    </message>
    <message>
        <source>Lifespan (years)</source>
        <translation>Levensduur (jaren)</translation>
    </message>
    <message>
        <source>CAC ({0})</source>
        <translation>CAC ({0})</translation>
    </message>
    <message>
        <source>Margin (%)</source>
        <translation>Marge (%)</translation>
    </message>
    <message>
        <source>Referral value ({0})</source>
        <translation>Referralwaarde ({0})</translation>
    </message>
    <message>
        <source>Growth (%/year)</source>
        <translation>Groei (%/jaar)</translation>
    </message>
    <message>
        <source>Discount (%/year)</source>
        <translation>Discontering (%/jaar)</translation>
    </message>
    <message>
        <source>LTV before CAC ({0})</source>
        <translation>LTV voor CAC ({0})</translation>
    </message>
    <message>
        <source>CLV after CAC ({0})</source>
        <translation>CLV na CAC ({0})</translation>
    </message>
    <message>
        <source>LTV:CAC</source>
        <translation>LTV:CAC</translation>
    </message>
    <message>
        <source>CAC payback (months)</source>
        <translation>CAC-terugverdientijd (maanden)</translation>
    </message>
    <message>
        <source>CLV vs baseline ({0})</source>
        <translation>CLV t.o.v. basis ({0})</translation>
    </message>
    <message>
        <source>CLV vs baseline (%)</source>
        <translation>CLV t.o.v. basis (%)</translation>
    </message>
</context>
<context>
    <name>ScenariosPage</name>
    <message>
        <source>Scenarios</source>
        <translation>Scenario&apos;s</translation>
    </message>
    <message>
        <source>What if? CLV = average order x purchases per year x lifespan x margin - acquisition cost. Edit the cells to compare scenarios side by side; the tornado chart shows which input moves CLV most (each -10 % and +10 %).</source>
        <translation>Wat als? CLV = gemiddelde order x aankopen per jaar x levensduur x marge - acquisitiekosten. Pas de cellen aan om scenario&apos;s naast elkaar te vergelijken; de tornadografiek laat zien welke invoer de CLV het meest beweegt (elk -10 % en +10 %).</translation>
    </message>
    <message>
        <source>Add scenario</source>
        <translation>Scenario toevoegen</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Selectie verwijderen</translation>
    </message>
    <message>
        <source>Load from file...</source>
        <translation>Uit bestand laden...</translation>
    </message>
    <message>
        <source>Baseline:</source>
        <translation>Basis:</translation>
    </message>
    <message>
        <source>Sensitivity of:</source>
        <translation>Gevoeligheid van:</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>Scenario {0}</source>
        <translation>Scenario {0}</translation>
    </message>
    <message>
        <source>Load scenarios</source>
        <translation>Scenario&apos;s laden</translation>
    </message>
    <message>
        <source>Scenario files (*.toml *.json)</source>
        <translation>Scenariobestanden (*.toml *.json)</translation>
    </message>
    <message>
        <source>Loading scenarios</source>
        <translation>Scenario&apos;s laden</translation>
    </message>
    <message>
        <source>scenario &apos;{0}&apos;: {1} must be a number</source>
        <translation>scenario &apos;{0}&apos;: {1} moet een getal zijn</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <source>LTV before CAC</source>
        <translation>LTV voor CAC</translation>
    </message>
    <message>
        <source>CLV after CAC</source>
        <translation>CLV na CAC</translation>
    </message>
    <message>
        <source>Per customer ({0})</source>
        <translation>Per klant ({0})</translation>
    </message>
    <message>
        <source>Scenarios compared</source>
        <translation>Scenario&apos;s vergeleken</translation>
    </message>
    <message>
        <source>input -10 %</source>
        <translation>invoer -10 %</translation>
    </message>
    <message>
        <source>input +10 %</source>
        <translation>invoer +10 %</translation>
    </message>
    <message>
        <source>CLV after CAC ({0}); line = {1}</source>
        <translation>CLV na CAC ({0}); lijn = {1}</translation>
    </message>
    <message>
        <source>What moves CLV most: {0}</source>
        <translation>Wat de CLV het meest beweegt: {0}</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>days</source>
        <translation>dagen</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>weken</translation>
    </message>
    <message>
        <source>months</source>
        <translation>maanden</translation>
    </message>
    <message>
        <source>years</source>
        <translation>jaren</translation>
    </message>
</context>
</TS>

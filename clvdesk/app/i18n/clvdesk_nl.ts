<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>ActionsPage</name>
    <message>
        <source>Actions</source>
        <translation>Acties</translation>
    </message>
    <message>
        <source>Who to keep and where retention or growth pays most: value tiers by predicted CLV, churn risk (no purchase in the next 90 days), status, and what 5 % more of each lever is worth per segment.</source>
        <translation>Wie te behouden en waar retentie of groei het meest oplevert: waardeklassen naar voorspelde CLV, vertrekkans (geen aankoop in de komende 90 dagen), status, en wat 5 % meer van elke hefboom per segment waard is.</translation>
    </message>
    <message>
        <source>Levers chart</source>
        <translation>Hefbomen (grafiek)</translation>
    </message>
    <message>
        <source>Levers</source>
        <translation>Hefbomen</translation>
    </message>
    <message>
        <source>Tier x status</source>
        <translation>Klasse x status</translation>
    </message>
    <message>
        <source>High value, at risk</source>
        <translation>Hoge waarde, risico</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>Export list for CRM...</source>
        <translation>Lijst exporteren voor CRM...</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Lever</source>
        <translation>Hefboom</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Klanten</translation>
    </message>
    <message>
        <source>CLV ({0})</source>
        <translation>CLV ({0})</translation>
    </message>
    <message>
        <source>Worth ({0})</source>
        <translation>Waarde ({0})</translation>
    </message>
    <message>
        <source>Per customer ({0})</source>
        <translation>Per klant ({0})</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Aandeel</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Share of CLV</source>
        <translation>Aandeel van de CLV</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <source>P(alive)</source>
        <translation>P(actief)</translation>
    </message>
    <message>
        <source>Churn risk</source>
        <translation>Vertrekrisico</translation>
    </message>
    <message>
        <source>Risk band</source>
        <translation>Risicoklasse</translation>
    </message>
    <message>
        <source>Days since last purchase</source>
        <translation>Dagen sinds laatste aankoop</translation>
    </message>
    <message>
        <source>Expected next purchase</source>
        <translation>Verwachte volgende aankoop</translation>
    </message>
    <message>
        <source>NPS group</source>
        <translation>NPS-groep</translation>
    </message>
    <message>
        <source>CLV total ({0})</source>
        <translation>CLV totaal ({0})</translation>
    </message>
    <message>
        <source>Referral value ({0})</source>
        <translation>Waarde van doorverwijzingen ({0})</translation>
    </message>
    <message>
        <source>CLV with referrals ({0})</source>
        <translation>CLV met doorverwijzingen ({0})</translation>
    </message>
    <message>
        <source>CLV</source>
        <translation>CLV</translation>
    </message>
    <message>
        <source>{0}, mean</source>
        <translation>{0}, gemiddeld</translation>
    </message>
    <message>
        <source>{0}, low</source>
        <translation>{0}, laag</translation>
    </message>
    <message>
        <source>{0}, high</source>
        <translation>{0}, hoog</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nieuw</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actief</translation>
    </message>
    <message>
        <source>at risk</source>
        <translation>in gevaar</translation>
    </message>
    <message>
        <source>lapsed</source>
        <translation>vertrokken</translation>
    </message>
    <message>
        <source>low</source>
        <translation>laag</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>middel</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoog</translation>
    </message>
    <message>
        <source>all customers</source>
        <translation>alle klanten</translation>
    </message>
    <message>
        <source>promoter</source>
        <translation>promotor</translation>
    </message>
    <message>
        <source>passive</source>
        <translation>passief</translation>
    </message>
    <message>
        <source>detractor</source>
        <translation>criticaster</translation>
    </message>
    <message>
        <source>Run the analysis first (F5).</source>
        <translation>Voer eerst de analyse uit (F5).</translation>
    </message>
    <message>
        <source>retention</source>
        <translation>retentie</translation>
    </message>
    <message>
        <source>purchase frequency</source>
        <translation>aankoopfrequentie</translation>
    </message>
    <message>
        <source>order value</source>
        <translation>orderwaarde</translation>
    </message>
    <message>
        <source>acquisition cost</source>
        <translation>acquisitiekosten</translation>
    </message>
    <message>
        <source>CLV gain over the horizon ({0})</source>
        <translation>CLV-winst over de horizon ({0})</translation>
    </message>
    <message>
        <source>Save customer list</source>
        <translation>Klantenlijst opslaan</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel-werkmap (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saving the customer list</source>
        <translation>Klantenlijst opslaan</translation>
    </message>
</context>
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
        <source> (and {0} more)</source>
        <translation> (en nog {0})</translation>
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
    <message>
        <source>The table shows the first {0} orders; the quality counts, the segments and the analysis use all {1}.</source>
        <translation>De tabel toont de eerste {0} orders; de kwaliteitstellingen, de segmenten en de analyse gebruiken alle {1}.</translation>
    </message>
</context>
<context>
    <name>DemoScenarios</name>
    <message>
        <source>Repeat buyer</source>
        <extracomment>The core&apos;s demo scenario names, marked for translation (context ``DemoScenarios``).</extracomment>
        <translation>Vaste klant</translation>
    </message>
    <message>
        <source>One-time buyer</source>
        <translation>Eenmalige koper</translation>
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
    <name>Explanations</name>
    <message>
        <source>Why P(alive) is 100 % for customers who bought once</source>
        <extracomment>Keys in the order the Help page shows them.</extracomment>
        <translation>Waarom P(actief) 100 % is voor klanten die één keer kochten</translation>
    </message>
    <message>
        <source>P(alive) is the chance that a customer still buys from you. The BG/NBD model assumes a customer can only drop out right after a repeat purchase, so a customer who bought once has, in the model, not had a chance to leave yet: P(alive) is 100 %. That does not mean they will buy again: their expected purchases are low, and so is their CLV. Compare customers by expected purchases or CLV, not by P(alive) alone; the MBG/NBD and Pareto/NBD models do give one-time buyers a P(alive) below 100 %.</source>
        <translation>P(actief) is de kans dat een klant nog bij u koopt. Het BG/NBD-model neemt aan dat een klant alleen direct na een herhaalaankoop kan afhaken, dus een klant die één keer kocht heeft in het model nog geen kans gehad om te vertrekken: P(actief) is 100 %. Dat betekent niet dat die klant opnieuw koopt: de verwachte aankopen zijn laag, en de CLV ook. Vergelijk klanten op verwachte aankopen of CLV, niet op P(actief) alleen; de modellen MBG/NBD en Pareto/NBD geven eenmalige kopers wel een P(actief) onder 100 %.</translation>
    </message>
    <message>
        <source>Simple CLV and predicted CLV</source>
        <translation>Eenvoudige CLV en voorspelde CLV</translation>
    </message>
    <message>
        <source>The simple CLV (Scenarios page, report formulas) is a what-if formula: average order x purchases per year x lifespan x margin, minus the acquisition cost. You choose the inputs; it says what a customer like that is worth over the whole relationship. The predicted CLV (Results page) comes from models fitted on your orders (BG/NBD or Pareto/NBD for how often each customer buys, Gamma-Gamma for how much): the discounted margin each existing customer is expected to bring within the horizon, before acquisition cost. The two answer different questions and differ in size: the predicted CLV covers only the horizon and only customers you already have.</source>
        <translation>De eenvoudige CLV (pagina Scenario&apos;s, formules in het rapport) is een wat-als-formule: gemiddelde order x aankopen per jaar x levensduur x marge, min de acquisitiekosten. U kiest de invoer; de uitkomst is wat zo&apos;n klant waard is over de hele relatie. De voorspelde CLV (pagina Resultaten) komt uit modellen die op uw orders zijn geschat (BG/NBD of Pareto/NBD voor hoe vaak elke klant koopt, Gamma-Gamma voor hoeveel): de verdisconteerde marge die elke bestaande klant naar verwachting binnen de horizon oplevert, vóór acquisitiekosten. De twee beantwoorden verschillende vragen en verschillen in grootte: de voorspelde CLV dekt alleen de horizon en alleen klanten die u al hebt.</translation>
    </message>
    <message>
        <source>Calibration and holdout</source>
        <translation>Kalibratie en controleperiode (holdout)</translation>
    </message>
    <message>
        <source>The models learn from the orders up to the end of calibration. With a holdout, the orders after that date up to the end of the holdout are kept aside: the model predicts them without seeing them, and the Model fit tab compares the prediction with what really happened. That is the honest test of a model. A new data source starts without a holdout; switching it on proposes the last third of your data, from a month end. Predictions start at the end of calibration.</source>
        <translation>De modellen leren van de orders tot het einde van de kalibratie. Met een controleperiode (holdout) worden de orders na die datum tot het einde van de controleperiode apart gehouden: het model voorspelt ze zonder ze te zien, en het tabblad Modelfit vergelijkt de voorspelling met wat werkelijk gebeurde. Dat is de eerlijke toets van een model. Een nieuwe gegevensbron begint zonder controleperiode; inschakelen stelt het laatste derde van uw gegevens voor, vanaf een maandeinde. Voorspellingen beginnen bij het einde van de kalibratie.</translation>
    </message>
    <message>
        <source>The range (interval) of CLV</source>
        <translation>De bandbreedte (interval) van de CLV</translation>
    </message>
    <message>
        <source>CLV is an estimate. The low and high values are a 90 % interval from the uncertainty of the fitted model parameters: the analysis redraws the parameters many times and recomputes CLV. With few customers or few repeat purchases the range is wide. It does not cover everything: a change in your market, prices or data quality is not in it.</source>
        <translation>CLV is een schatting. De lage en hoge waarde vormen een interval van 90 % uit de onzekerheid van de geschatte modelparameters: de analyse trekt de parameters vele keren opnieuw en berekent de CLV opnieuw. Met weinig klanten of weinig herhaalaankopen is de bandbreedte groot. Niet alles zit erin: een verandering in uw markt, prijzen of datakwaliteit niet.</translation>
    </message>
    <message>
        <source>A regularised fit</source>
        <translation>Een geregulariseerde schatting</translation>
    </message>
    <message>
        <source>With a small customer base (a few hundred B2B customers, few repeat purchases) a model&apos;s parameters can run to extreme values that fit the data no better than sensible ones. A regularised fit adds a small penalty that pulls the parameters towards moderate values. The results then depend less on chance, at the price of a small bias; the Results page says when a fit was regularised. With many customers the penalty changes almost nothing.</source>
        <translation>Bij een klein klantenbestand (een paar honderd zakelijke klanten, weinig herhaalaankopen) kunnen de parameters van een model naar extreme waarden lopen die de gegevens niet beter beschrijven dan redelijke waarden. Een geregulariseerde schatting voegt een kleine straf toe die de parameters naar gematigde waarden trekt. De resultaten hangen dan minder van toeval af, ten koste van een kleine vertekening; de pagina Resultaten meldt wanneer een schatting geregulariseerd is. Met veel klanten verandert de straf vrijwel niets.</translation>
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
        <source>Cohort (month of first order)</source>
        <translation>Cohort (maand van eerste order)</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Klanten</translation>
    </message>
    <message>
        <source>Bought again (share)</source>
        <translation>Kocht opnieuw (aandeel)</translation>
    </message>
    <message>
        <source>Revenue per customer</source>
        <translation>Omzet per klant</translation>
    </message>
    <message>
        <source>Margin per customer</source>
        <translation>Marge per klant</translation>
    </message>
    <message>
        <source>CAC</source>
        <translation>CAC</translation>
    </message>
    <message>
        <source>Payback month</source>
        <translation>Terugverdienmaand</translation>
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
    <name>HelpPage</name>
    <message>
        <source>Help</source>
        <translation>Uitleg</translation>
    </message>
    <message>
        <source>What the numbers mean, where they are easy to misread. The same explanations show as tooltips where the numbers are.</source>
        <translation>Wat de getallen betekenen, waar ze makkelijk verkeerd gelezen worden. Dezelfde uitleg verschijnt als tooltip bij de getallen.</translation>
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
        <source>Keep my margin, discount rate, horizon, models and acquisition cost (dates, split and currency always come from this file)</source>
        <translation>Mijn marge, disconteringsvoet, horizon, modellen en acquisitiekosten behouden (datums, indeling en valuta komen altijd uit dit bestand)</translation>
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
        <source>the file {0} could not be read (the reader stopped, code {1}). Open it in Excel or LibreOffice and save it again as .xlsx or .csv, or remove empty or formatted rows and columns far below and beside the table, then import it again.</source>
        <translation>het bestand {0} kon niet worden gelezen (het inlezen stopte, code {1}). Open het in Excel of LibreOffice en sla het opnieuw op als .xlsx of .csv, of verwijder lege of opgemaakte rijen en kolommen ver onder en naast de tabel, en importeer het daarna opnieuw.</translation>
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
        <extracomment>Canonical column names, in display order. The English headers of the columns, as messages name them (the app shows its own labels). Context of these texts in the translation files (see :mod:`clvdesk.app.i18n`).</extracomment>
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
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <extracomment>Texts of QFileDialog that qtbase_nl.qm (Qt 6) lacks.</extracomment>
        <translation>&amp;Zoeken in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Bestanden van &amp;type:</translation>
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
        <source>These results are out of date: an assumption changed after they were computed.</source>
        <translation>Deze resultaten zijn verouderd: een aanname is gewijzigd nadat ze zijn berekend.</translation>
    </message>
    <message>
        <source>Re-run analysis (F5)</source>
        <translation>Analyse opnieuw uitvoeren (F5)</translation>
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
        <source>CLV per customer ({0}); the last bar: {1} and more</source>
        <translation>CLV per klant ({0}); de laatste staaf: {1} en meer</translation>
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
        <source>Retention (%/year)</source>
        <translation>Retentie (%/jaar)</translation>
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
        <source>Add scenario from segment</source>
        <translation>Scenario uit segment</translation>
    </message>
    <message>
        <source>A scenario with the observed average order, purchases per year, lifespan so far and acquisition cost of one segment, or of all customers.</source>
        <translation>Een scenario met de waargenomen gemiddelde order, aankopen per jaar, levensduur tot nu toe en acquisitiekosten van één segment, of van alle klanten.</translation>
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
        <source>The window holds only the first {0} orders of this file, so it cannot average them all; after the analysis, the report&apos;s Segments sheet gives each segment&apos;s observed order value, purchases per year and lifespan from the whole table.</source>
        <translation>Het venster houdt alleen de eerste {0} orders van dit bestand vast en kan ze dus niet allemaal middelen; na de analyse geeft het blad Segmenten van het rapport per segment de waargenomen orderwaarde, aankopen per jaar en levensduur uit de hele tabel.</translation>
    </message>
    <message>
        <source>Scenarios from the data</source>
        <translation>Scenario&apos;s uit de gegevens</translation>
    </message>
    <message>
        <source>{0} (data)</source>
        <translation>{0} (gegevens)</translation>
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
<context>
    <name>drop_reasons</name>
    <message>
        <source>the line does not split into the header&apos;s columns</source>
        <translation>de regel valt niet uiteen in de kolommen van de kopregel</translation>
    </message>
    <message>
        <source>no customer id</source>
        <translation>geen klantnummer</translation>
    </message>
    <message>
        <source>customer id longer than 32,767 characters (Excel&apos;s cell limit)</source>
        <translation>klantnummer langer dan 32.767 tekens (de limiet van een Excel-cel)</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>geen datum</translation>
    </message>
    <message>
        <source>date cannot be read</source>
        <translation>datum niet leesbaar</translation>
    </message>
    <message>
        <source>date outside the years 1900-2200</source>
        <translation>datum buiten de jaren 1900-2200</translation>
    </message>
    <message>
        <source>no amount</source>
        <translation>geen bedrag</translation>
    </message>
    <message>
        <source>amount cannot be read</source>
        <translation>bedrag niet leesbaar</translation>
    </message>
    <message>
        <source>amount beyond a trillion (1e12)</source>
        <translation>bedrag boven een biljoen (1e12)</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>{name} must be a number</source>
        <translation>{name} moet een getal zijn</translation>
    </message>
    <message>
        <source>{name} must be finite</source>
        <translation>{name} moet een eindig getal zijn</translation>
    </message>
    <message>
        <source>{name} must be {low:g} or more, got {got:g}</source>
        <translation>{name} moet {low:g} of meer zijn, niet {got:g}</translation>
    </message>
    <message>
        <source>{name} must be greater than {low:g}, got {got:g}</source>
        <translation>{name} moet groter zijn dan {low:g}, niet {got:g}</translation>
    </message>
    <message>
        <source>{name} must be {high:g} or less, got {got:g}</source>
        <translation>{name} moet {high:g} of minder zijn, niet {got:g}</translation>
    </message>
    <message>
        <source>{name} must be below {high:g}, got {got:g}</source>
        <translation>{name} moet kleiner zijn dan {high:g}, niet {got:g}</translation>
    </message>
    <message>
        <source>{name} must be at least {low:g} and at most {high:g}, got {got:g}</source>
        <translation>{name} moet tussen {low:g} en {high:g} liggen, niet {got:g}</translation>
    </message>
    <message>
        <source>{name} must be greater than {low:g} and at most {high:g}, got {got:g}</source>
        <translation>{name} moet groter zijn dan {low:g} en hoogstens {high:g}, niet {got:g}</translation>
    </message>
    <message>
        <source>{name} must be at least {low:g} and below {high:g}, got {got:g}</source>
        <translation>{name} moet minstens {low:g} en kleiner dan {high:g} zijn, niet {got:g}</translation>
    </message>
    <message>
        <source>{name} must be greater than {low:g} and below {high:g}, got {got:g}</source>
        <translation>{name} moet groter dan {low:g} en kleiner dan {high:g} zijn, niet {got:g}</translation>
    </message>
    <message>
        <source>{name} must be a whole number, 0 or more</source>
        <translation>{name} moet een geheel getal van 0 of meer zijn</translation>
    </message>
    <message>
        <source>{name} must be at least 20 for a meaningful interval (or 0 for none)</source>
        <translation>{name} moet minstens 20 zijn voor een zinvol interval (of 0 voor geen)</translation>
    </message>
    <message>
        <source>{name} must be days, weeks or months</source>
        <translation>{name} moet dagen, weken of maanden zijn</translation>
    </message>
    <message>
        <source>{name} must be one of {models}; got {value}</source>
        <translation>{name} moet een van {models} zijn, niet {value}</translation>
    </message>
    <message>
        <source>{name} must be one of {models} or none</source>
        <translation>{name} moet een van {models} of geen zijn</translation>
    </message>
    <message>
        <source>cannot compare unknown models: {models}</source>
        <translation>onbekende modellen kunnen niet vergeleken worden: {models}</translation>
    </message>
    <message>
        <source>{name} must be a date in the years {low}-{high}, got {value}</source>
        <translation>{name} moet een datum zijn in de jaren {low}-{high}, niet {value}</translation>
    </message>
    <message>
        <source>{name} must be a date like 1997-09-30, got {value}</source>
        <translation>{name} moet een datum zijn zoals 30-09-1997, niet {value}</translation>
    </message>
    <message>
        <source>the end of the holdout period ({holdout_end}) must be after the end of the calibration period ({end})</source>
        <translation>het einde van de controleperiode ({holdout_end}) moet na het einde van de kalibratieperiode ({end}) liggen</translation>
    </message>
    <message>
        <source>a holdout period needs an end date for the calibration period</source>
        <translation>een controleperiode vraagt een einddatum voor de kalibratieperiode</translation>
    </message>
    <message>
        <source>unknown time unit {value}; use days, weeks, months or years</source>
        <translation>onbekende tijdseenheid {value}; kies dagen, weken, maanden of jaren</translation>
    </message>
    <message>
        <source>time unit must be text, got {value}</source>
        <translation>de tijdseenheid moet tekst zijn, niet {value}</translation>
    </message>
    <message>
        <source>column &apos;{column}&apos; not found; columns are: {columns}</source>
        <translation>kolom &apos;{column}&apos; niet gevonden; de kolommen zijn: {columns}</translation>
    </message>
    <message>
        <source>column &apos;{column}&apos; matches several columns: {columns}</source>
        <translation>kolom &apos;{column}&apos; past bij meerdere kolommen: {columns}</translation>
    </message>
    <message>
        <source>segment column &apos;{column}&apos; not found; columns are: {columns}</source>
        <translation>segmentkolom &apos;{column}&apos; niet gevonden; de kolommen zijn: {columns}</translation>
    </message>
    <message>
        <source>no {missing} column found; columns are: {columns} (choose them with the column options)</source>
        <translation>geen kolom voor {missing} gevonden; de kolommen zijn: {columns} (kies ze bij de kolomtoewijzing)</translation>
    </message>
    <message>
        <source>file not found: {file}</source>
        <translation>bestand niet gevonden: {file}</translation>
    </message>
    <message>
        <source>{file} is empty</source>
        <translation>{file} is leeg</translation>
    </message>
    <message>
        <source>{file} has a header but no order rows</source>
        <translation>{file} heeft een kopregel maar geen orderregels</translation>
    </message>
    <message>
        <source>{file} is a folder, not an order file</source>
        <translation>{file} is een map, geen orderbestand</translation>
    </message>
    <message>
        <source>no permission to read {file}</source>
        <translation>geen toestemming om {file} te lezen</translation>
    </message>
    <message>
        <source>{file} is too large to read into memory</source>
        <translation>{file} is te groot om in het geheugen te lezen</translation>
    </message>
    <message>
        <source>{file} is not a text table: it contains binary data</source>
        <translation>{file} is geen teksttabel: het bevat binaire gegevens</translation>
    </message>
    <message>
        <source>sheet &apos;{sheet}&apos; not found in {file}; sheets are: {sheets}</source>
        <translation>werkblad &apos;{sheet}&apos; niet gevonden in {file}; de werkbladen zijn: {sheets}</translation>
    </message>
    <message>
        <source>the functions workbook must be an .xlsx file, got &apos;{path}&apos;</source>
        <translation>de functiewerkmap moet een .xlsx-bestand zijn, niet &apos;{path}&apos;</translation>
    </message>
    <message>
        <source>output folder does not exist: {path}</source>
        <translation>de uitvoermap bestaat niet: {path}</translation>
    </message>
    <message>
        <source>cannot write &apos;{path}&apos;: permission denied (is it open in Excel?)</source>
        <translation>kan &apos;{path}&apos; niet schrijven: geen toestemming (is het bestand open in Excel?)</translation>
    </message>
    <message>
        <source>{purpose} needs the &apos;{extra}&apos; extra: pip install &quot;clvdesk[{extra}]&quot;</source>
        <translation>{purpose} heeft de extra &apos;{extra}&apos; nodig: pip install &quot;clvdesk[{extra}]&quot;</translation>
    </message>
    <message>
        <source>segment column &apos;{column}&apos; matches several columns: {columns}</source>
        <translation>segmentkolom &apos;{column}&apos; past bij meerdere kolommen: {columns}</translation>
    </message>
    <message>
        <source>unknown column role {role}; roles are: {roles}</source>
        <translation>onbekende kolomrol {role}; de rollen zijn: {roles}</translation>
    </message>
    <message>
        <source>{file} is not a UTF-8 text file</source>
        <translation>{file} is geen UTF-8-tekstbestand</translation>
    </message>
    <message>
        <source>{file} is not valid TOML: {problem}</source>
        <translation>{file} is geen geldige TOML: {problem}</translation>
    </message>
    <message>
        <source>{file} is not valid JSON: {problem} at line {line}</source>
        <translation>{file} is geen geldige JSON: {problem} op regel {line}</translation>
    </message>
    <message>
        <source>no scenarios to compare</source>
        <translation>geen scenario&apos;s om te vergelijken</translation>
    </message>
    <message>
        <source>baseline &apos;{baseline}&apos; is not a scenario; scenarios are: {scenarios}</source>
        <translation>basisscenario &apos;{baseline}&apos; bestaat niet; de scenario&apos;s zijn: {scenarios}</translation>
    </message>
    <message>
        <source>scenario file not found: {file}</source>
        <translation>scenariobestand niet gevonden: {file}</translation>
    </message>
    <message>
        <source>scenario files are .toml or .json, not &apos;{suffix}&apos;</source>
        <translation>scenariobestanden zijn .toml of .json, niet &apos;{suffix}&apos;</translation>
    </message>
    <message>
        <source>{file} has no scenarios; add [[scenario]] tables (TOML) or a list of objects (JSON)</source>
        <translation>{file} bevat geen scenario&apos;s; voeg [[scenario]]-tabellen (TOML) of een lijst van objecten (JSON) toe</translation>
    </message>
    <message>
        <source>scenario {number} must be a table of inputs</source>
        <translation>scenario {number} moet een tabel met invoerwaarden zijn</translation>
    </message>
    <message>
        <source>scenario &apos;{scenario}&apos;: unknown input {unknown}; inputs are: {inputs}</source>
        <translation>scenario &apos;{scenario}&apos;: onbekende invoer {unknown}; de invoerwaarden zijn: {inputs}</translation>
    </message>
    <message>
        <source>scenario &apos;{scenario}&apos; needs {missing}</source>
        <translation>scenario &apos;{scenario}&apos; mist {missing}</translation>
    </message>
    <message>
        <source>scenario &apos;{scenario}&apos;: {input} must be a number</source>
        <translation>scenario &apos;{scenario}&apos;: {input} moet een getal zijn</translation>
    </message>
    <message>
        <source>scenario &apos;{scenario}&apos;: {error}</source>
        <translation>scenario &apos;{scenario}&apos;: {error}</translation>
    </message>
    <message>
        <source>two scenarios are named &apos;{scenario}&apos;; names must be unique</source>
        <translation>twee scenario&apos;s heten &apos;{scenario}&apos;; namen moeten uniek zijn</translation>
    </message>
    <message>
        <source>frequency must not exceed recency (row {row}: frequency {frequency:g}, recency {recency:g}, periods {periods:g})</source>
        <translation>de frequentie mag niet groter zijn dan de recentheid (rij {row}: frequentie {frequency:g}, recentheid {recency:g}, perioden {periods:g})</translation>
    </message>
    <message>
        <source>recency must not exceed the number of periods (row {row}: frequency {frequency:g}, recency {recency:g}, periods {periods:g})</source>
        <translation>de recentheid mag niet groter zijn dan het aantal perioden (rij {row}: frequentie {frequency:g}, recentheid {recency:g}, perioden {periods:g})</translation>
    </message>
    <message>
        <source>recency must be 0 without transactions (row {row}: frequency {frequency:g}, recency {recency:g}, periods {periods:g})</source>
        <translation>de recentheid moet 0 zijn zonder transacties (rij {row}: frequentie {frequency:g}, recentheid {recency:g}, perioden {periods:g})</translation>
    </message>
    <message>
        <source>recency must be at least 1 with transactions (row {row}: frequency {frequency:g}, recency {recency:g}, periods {periods:g})</source>
        <translation>de recentheid moet minstens 1 zijn bij transacties (rij {row}: frequentie {frequency:g}, recentheid {recency:g}, perioden {periods:g})</translation>
    </message>
    <message>
        <source>customer {customer}, line {line}: {problem}</source>
        <translation>klant {customer}, regel {line}: {problem}</translation>
    </message>
    <message>
        <source>line {line}: {problem}</source>
        <translation>regel {line}: {problem}</translation>
    </message>
    <message>
        <source>customer {customer}, row {row}: {problem}</source>
        <translation>klant {customer}, rij {row}: {problem}</translation>
    </message>
    <message>
        <source>row {row}: {problem}</source>
        <translation>rij {row}: {problem}</translation>
    </message>
    <message>
        <source>customer {customer}, row {row} of the range: {problem}</source>
        <translation>klant {customer}, rij {row} van het bereik: {problem}</translation>
    </message>
    <message>
        <source>row {row} of the range: {problem}</source>
        <translation>rij {row} van het bereik: {problem}</translation>
    </message>
    <message>
        <source>customer {customer}: {problem}</source>
        <translation>klant {customer}: {problem}</translation>
    </message>
    <message>
        <source>{column} must be a number, not &apos;{value}&apos;</source>
        <translation>{column} moet een getal zijn, niet &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>{column} is empty</source>
        <translation>{column} is leeg</translation>
    </message>
    <message>
        <source>{column} is {value}</source>
        <translation>{column} is {value}</translation>
    </message>
    <message>
        <source>{column} must be a whole number, 0 or more (is {value:g})</source>
        <translation>{column} moet een geheel getal van 0 of meer zijn (is {value:g})</translation>
    </message>
    <message>
        <source>{column} must be 0 or more (is {value:g})</source>
        <translation>{column} moet 0 of meer zijn (is {value:g})</translation>
    </message>
    <message>
        <source>{column} must be a finite number (is {value:g})</source>
        <translation>{column} moet een eindig getal zijn (is {value:g})</translation>
    </message>
    <message>
        <source>recency {recency:g} is after T {T:g}</source>
        <translation>recentheid {recency:g} ligt na T {T:g}</translation>
    </message>
    <message>
        <source>recency {recency:g} is after periods {periods:g}</source>
        <translation>recentheid {recency:g} ligt na perioden {periods:g}</translation>
    </message>
    <message>
        <source>recency {recency:g} without repeat purchases (frequency 0)</source>
        <translation>recentheid {recency:g} zonder herhaalaankopen (frequentie 0)</translation>
    </message>
    <message>
        <source>frequency {frequency:g} is above recency {recency:g} (one transaction per period at most)</source>
        <translation>frequentie {frequency:g} is groter dan recentheid {recency:g} (hoogstens één transactie per periode)</translation>
    </message>
    <message>
        <source>number of future opportunities must be a whole number, 0 or more</source>
        <translation>het aantal toekomstige gelegenheden moet een geheel getal van 0 of meer zijn</translation>
    </message>
    <message>
        <source>periods must be whole numbers, 0 or more</source>
        <translation>perioden moeten gehele getallen van 0 of meer zijn</translation>
    </message>
    <message>
        <source>retention is defined from period 1 on</source>
        <translation>retentie is gedefinieerd vanaf periode 1</translation>
    </message>
    <message>
        <source>churn is defined from period 1 on</source>
        <translation>verloop is gedefinieerd vanaf periode 1</translation>
    </message>
    <message>
        <source>discount rate per period must be positive for a discounted lifetime</source>
        <translation>de disconteringsvoet per periode moet positief zijn voor een verdisconteerde levensduur</translation>
    </message>
    <message>
        <source>the first alive count (the cohort at period 0) must be positive</source>
        <translation>het eerste aantal actieve klanten (het cohort in periode 0) moet positief zijn</translation>
    </message>
    <message>
        <source>alive counts must not increase (period {period}: {before:g} -&gt; {after:g})</source>
        <translation>het aantal actieve klanten mag niet stijgen (periode {period}: {before:g} -&gt; {after:g})</translation>
    </message>
    <message>
        <source>give at least one model to compare</source>
        <translation>geef minstens één model om te vergelijken</translation>
    </message>
    <message>
        <source>a model check needs a holdout period: give an end of the holdout period after the end of the calibration period</source>
        <translation>een modelcontrole heeft een controleperiode nodig: geef een einde van de controleperiode na het einde van de kalibratieperiode</translation>
    </message>
    <message>
        <source>the order table has no orders with a customer, date and amount</source>
        <translation>de ordertabel heeft geen orders met een klant, datum en bedrag</translation>
    </message>
    <message>
        <source>no orders entered yet: type at least one row</source>
        <translation>nog geen orders ingevoerd: typ minstens één rij</translation>
    </message>
    <message>
        <source>no data file chosen</source>
        <translation>geen gegevensbestand gekozen</translation>
    </message>
    <message>
        <source>no customers to fit or check the model on</source>
        <translation>geen klanten om het model op te schatten of te controleren</translation>
    </message>
    <message>
        <source>too few customers to fit {model} ({customers:g}; need at least {needed})</source>
        <translation>te weinig klanten om {model} te schatten ({customers:g}; minstens {needed} nodig)</translation>
    </message>
    <message>
        <source>no transactions: every customer has frequency 0, so bgbb cannot estimate transaction or dropout probabilities</source>
        <translation>geen transacties: elke klant heeft frequentie 0, dus bgbb kan geen aankoop- of uitvalkansen schatten</translation>
    </message>
    <message>
        <source>every customer transacted at every opportunity; bgbb cannot estimate dropout from such data</source>
        <translation>elke klant kocht bij elke gelegenheid; bgbb kan uit zulke gegevens geen uitval schatten</translation>
    </message>
    <message>
        <source>need the cohort size and at least one later alive count</source>
        <translation>de cohortgrootte en minstens één later aantal actieve klanten zijn nodig</translation>
    </message>
    <message>
        <source>no customer was lost; the sBG model needs some churn to fit</source>
        <translation>er is geen klant verloren; het sBG-model heeft wat verloop nodig om te schatten</translation>
    </message>
    <message>
        <source>the whole cohort churned in one period; the data cannot separate alpha and beta</source>
        <translation>het hele cohort viel in één periode af; de gegevens kunnen alpha en beta niet scheiden</translation>
    </message>
    <message>
        <source>the expected lifetime is infinite for alpha = {alpha:.3g} &lt;= 1; use the discounted expected lifetime (with a discount rate)</source>
        <translation>de verwachte levensduur is oneindig bij alpha = {alpha:.3g} &lt;= 1; gebruik de verdisconteerde verwachte levensduur (met een disconteringsvoet)</translation>
    </message>
    <message>
        <source>no orders on or before the end date {end}; the data run from {first} to {last}</source>
        <translation>geen orders op of vóór de einddatum {end}; de gegevens lopen van {first} tot {last}</translation>
    </message>
    <message>
        <source>no purchases on or before the end date {end} (only returns)</source>
        <translation>geen aankopen op of vóór de einddatum {end} (alleen retouren)</translation>
    </message>
    <message>
        <source>the parameter draws give no usable CLV interval; the fit is too uncertain</source>
        <translation>de parametertrekkingen geven geen bruikbaar CLV-interval; de schatting is te onzeker</translation>
    </message>
    <message>
        <source>no customer bought more than once in the calibration period, so no model can learn how often customers come back</source>
        <translation>geen enkele klant kocht meer dan eens in de kalibratieperiode, dus geen model kan leren hoe vaak klanten terugkomen</translation>
    </message>
    <message>
        <source>{customers} customer(s) in the calibration period: too few to fit a model</source>
        <translation>{customers} klant(en) in de kalibratieperiode: te weinig om een model te schatten</translation>
    </message>
    <message>
        <source>{name} given for unknown segment(s): {segments}</source>
        <translation>{name} opgegeven voor onbekend(e) segment(en): {segments}</translation>
    </message>
    <message>
        <source>the spend model needs at least two customers with repeat purchases of a positive amount</source>
        <translation>het bestedingsmodel heeft minstens twee klanten nodig met herhaalaankopen van een positief bedrag</translation>
    </message>
    <message>
        <source>acquisition costs per segment need a segment column</source>
        <translation>acquisitiekosten per segment vragen een segmentkolom</translation>
    </message>
    <message>
        <source>column &apos;{column}&apos; does not hold dates</source>
        <translation>kolom &apos;{column}&apos; bevat geen datums</translation>
    </message>
    <message>
        <source>column &apos;{column}&apos; must hold numbers (amounts)</source>
        <translation>kolom &apos;{column}&apos; moet getallen (bedragen) bevatten</translation>
    </message>
    <message>
        <source>the order engine reads .parquet and .csv files, not {file}</source>
        <translation>de orderengine leest .parquet- en .csv-bestanden, niet {file}</translation>
    </message>
    <message>
        <source>temporary folder {folder} does not exist</source>
        <translation>tijdelijke map {folder} bestaat niet</translation>
    </message>
    <message>
        <source>the number of parameter draws must be at most {limit} (more does not make the interval better, only slower); got {value}</source>
        <translation>het aantal parametertrekkingen mag hoogstens {limit} zijn (meer maakt het interval niet beter, alleen trager); niet {value}</translation>
    </message>
    <message>
        <source>penalty must be a number, 0 or more (0: no penalty), got {penalty}</source>
        <translation>de penalty moet een getal van 0 of meer zijn (0: geen penalty), niet {penalty}</translation>
    </message>
    <message>
        <source>decimal separator must be &apos;.&apos; or &apos;,&apos;, not {value}</source>
        <translation>het decimaalteken moet &apos;.&apos; of &apos;,&apos; zijn, niet {value}</translation>
    </message>
    <message>
        <source>header row must be a row number from 1 to {limit}, not {value}</source>
        <translation>de kopregel moet een regelnummer van 1 tot {limit} zijn, niet {value}</translation>
    </message>
    <message>
        <source>unknown encoding {value}; use e.g. utf-8, cp1252 or latin-1</source>
        <translation>onbekende codering {value}; gebruik bijv. utf-8, cp1252 of latin-1</translation>
    </message>
    <message>
        <source>output folder does not exist: {folder}</source>
        <translation>de uitvoermap bestaat niet: {folder}</translation>
    </message>
    <message>
        <source>{file} is a folder; give a file name</source>
        <translation>{file} is een map; geef een bestandsnaam</translation>
    </message>
    <message>
        <source>the output file is the input file {input} itself; choose another name (input files are never overwritten)</source>
        <translation>het uitvoerbestand is het invoerbestand {input} zelf; kies een andere naam (invoerbestanden worden nooit overschreven)</translation>
    </message>
    <message>
        <source>{file}: a sheet spans {rows} rows x {columns} columns (over {limit} cells); refused</source>
        <translation>{file}: een blad beslaat {rows} rijen x {columns} kolommen (meer dan {limit} cellen); geweigerd</translation>
    </message>
    <message>
        <source>{file} contains a DOCTYPE or entity declaration in {part} (an XML bomb?); refused</source>
        <translation>{file} bevat een DOCTYPE- of entiteitsdeclaratie in {part} (een XML-bom?); geweigerd</translation>
    </message>
    <message>
        <source>{file} is damaged: {part} is not a usable workbook part</source>
        <translation>{file} is beschadigd: {part} is geen bruikbaar deel van een werkmap</translation>
    </message>
    <message>
        <source>this file is not a CLV Desk project (no &apos;format: clvdesk-project&apos;)</source>
        <translation>dit bestand is geen CLV Desk-project (geen &apos;format: clvdesk-project&apos;)</translation>
    </message>
    <message>
        <source>the project file&apos;s version {version} is newer than this CLV Desk understands ({supported}); update CLV Desk</source>
        <translation>versie {version} van het projectbestand is nieuwer dan deze CLV Desk begrijpt ({supported}); werk CLV Desk bij</translation>
    </message>
    <message>
        <source>project file: &apos;{field}&apos; must be an object</source>
        <translation>projectbestand: &apos;{field}&apos; moet een object zijn</translation>
    </message>
    <message>
        <source>project file: &apos;{field}&apos; is an unknown data source kind ({kind})</source>
        <translation>projectbestand: &apos;{field}&apos; is een onbekend soort gegevensbron ({kind})</translation>
    </message>
    <message>
        <source>project file: &apos;{field}&apos; must be a file path (text without NUL characters)</source>
        <translation>projectbestand: &apos;{field}&apos; moet een bestandspad zijn (tekst zonder NUL-tekens)</translation>
    </message>
    <message>
        <source>project file: &apos;{field}&apos; must be a list of objects</source>
        <translation>projectbestand: &apos;{field}&apos; moet een lijst van objecten zijn</translation>
    </message>
    <message>
        <source>project file: &apos;{field}&apos; must be text</source>
        <translation>projectbestand: &apos;{field}&apos; moet tekst zijn</translation>
    </message>
    <message>
        <source>project file: &apos;{field}&apos; must be a symbol or code of at most 5 characters, like € or USD</source>
        <translation>projectbestand: &apos;{field}&apos; moet een symbool of code van hoogstens 5 tekens zijn, zoals € of USD</translation>
    </message>
    <message>
        <source>project file: &apos;{field}&apos; is not an assumption CLV Desk knows</source>
        <translation>projectbestand: &apos;{field}&apos; is geen aanname die CLV Desk kent</translation>
    </message>
    <message>
        <source>project file: &apos;{field}&apos; must be a column name (text) or null</source>
        <translation>projectbestand: &apos;{field}&apos; moet een kolomnaam (tekst) of null zijn</translation>
    </message>
    <message>
        <source>project file: &apos;{field}&apos; must map segment names to amounts</source>
        <translation>projectbestand: &apos;{field}&apos; moet segmentnamen aan bedragen koppelen</translation>
    </message>
    <message>
        <source>project file: &apos;{field}&apos; must be a list of model names</source>
        <translation>projectbestand: &apos;{field}&apos; moet een lijst van modelnamen zijn</translation>
    </message>
    <message>
        <source>project file: &apos;{field}&apos; must be a single value, not a list or object</source>
        <translation>projectbestand: &apos;{field}&apos; moet één waarde zijn, geen lijst of object</translation>
    </message>
    <message>
        <source>project file: &apos;{field}&apos; is wrong: {reason}</source>
        <translation>projectbestand: &apos;{field}&apos; klopt niet: {reason}</translation>
    </message>
    <message>
        <source>project file: &apos;{field}&apos; has a value of the wrong type</source>
        <translation>projectbestand: &apos;{field}&apos; heeft een waarde van het verkeerde type</translation>
    </message>
    <message>
        <source>project file: &apos;{field}&apos; must map names to column names</source>
        <translation>projectbestand: &apos;{field}&apos; moet namen aan kolomnamen koppelen</translation>
    </message>
    <message>
        <source>project file: &apos;{field}&apos; is not a reader option (options are: {options})</source>
        <translation>projectbestand: &apos;{field}&apos; is geen leesoptie (de opties zijn: {options})</translation>
    </message>
    <message>
        <source>project file: &apos;{field}&apos; must be one character</source>
        <translation>projectbestand: &apos;{field}&apos; moet één teken zijn</translation>
    </message>
    <message>
        <source>project file: &apos;{field}&apos; must be a number</source>
        <translation>projectbestand: &apos;{field}&apos; moet een getal zijn</translation>
    </message>
    <message>
        <source>project file: &apos;{field}&apos; must be a list of rows</source>
        <translation>projectbestand: &apos;{field}&apos; moet een lijst van regels zijn</translation>
    </message>
    <message>
        <source>{file} is not a CLV Desk project: nested too deep</source>
        <translation>{file} is geen CLV Desk-project: te diep genest</translation>
    </message>
    <message>
        <source>{file} is too large for a project file</source>
        <translation>{file} is te groot voor een projectbestand</translation>
    </message>
    <message>
        <source>{file} is not valid JSON (line {line})</source>
        <translation>{file} is geen geldige JSON (regel {line})</translation>
    </message>
    <message>
        <source>{file} is not a CLV Desk project (not UTF-8 text)</source>
        <translation>{file} is geen CLV Desk-project (geen UTF-8-tekst)</translation>
    </message>
    <message>
        <source>{file} is not a regular file (a device, pipe or folder); choose a .clvproj file</source>
        <translation>{file} is geen gewoon bestand (een apparaat, pipe of map); kies een .clvproj-bestand</translation>
    </message>
    <message>
        <source>the {model} model has not been fitted yet</source>
        <translation>het model {model} is nog niet geschat</translation>
    </message>
    <message>
        <source>churn risk and next purchase need a transaction model (bgnbd, mbgnbd or pareto-nbd), not {model}</source>
        <translation>verlooprisico en volgende aankoop hebben een transactiemodel nodig (bgnbd, mbgnbd of pareto-nbd), niet {model}</translation>
    </message>
    <message>
        <source>the churn window must be zero or more</source>
        <translation>het verloopvenster moet nul of meer zijn</translation>
    </message>
    <message>
        <source>tier cut points must be increasing shares between 0 and 1, e.g. 0.10, 0.30</source>
        <translation>de grenzen van de klassen moeten oplopende aandelen tussen 0 en 1 zijn, bijv. 0,10, 0,30</translation>
    </message>
    <message>
        <source>churn bands must be two probabilities, medium from and high from (e.g. 0.5, 0.8)</source>
        <translation>de verloopbanden moeten twee kansen zijn, middel vanaf en hoog vanaf (bijv. 0,5, 0,8)</translation>
    </message>
    <message>
        <source>priority tiers must be whole tier numbers (1 = top)</source>
        <translation>prioriteitsklassen moeten gehele klassenummers zijn (1 = hoogste)</translation>
    </message>
    <message>
        <source>values to tier must be finite numbers</source>
        <translation>de in te delen waarden moeten eindige getallen zijn</translation>
    </message>
    <message>
        <source>the customer list must be a .csv or .xlsx file, not &apos;{file}&apos;</source>
        <translation>de klantenlijst moet een .csv- of .xlsx-bestand zijn, niet &apos;{file}&apos;</translation>
    </message>
    <message>
        <source>no display to open the desktop app on (DISPLAY is not set); use the command line instead, e.g. clvdesk demo, clvdesk quality ORDERS, clvdesk predict bgnbd ORDERS -o clv.csv (clvdesk --help lists every command)</source>
        <translation>geen beeldscherm om de app op te openen (DISPLAY is niet ingesteld); gebruik de opdrachtregel, bijvoorbeeld clvdesk demo, clvdesk quality ORDERS, clvdesk predict bgnbd ORDERS -o clv.csv (clvdesk --help toont alle opdrachten)</translation>
    </message>
    <message>
        <source>cannot read {file}: {detail}</source>
        <translation>kan {file} niet lezen: {detail}</translation>
    </message>
    <message>
        <source>memory limit must be a size such as 4GB or a share of the memory such as 40%, not {value}</source>
        <translation>de geheugenlimiet moet een grootte zijn zoals 4GB of een deel van het geheugen zoals 40%, niet {value}</translation>
    </message>
    <message>
        <source>{name} must be a number, not {value}</source>
        <translation>{name} moet een getal zijn, niet {value}</translation>
    </message>
    <message>
        <source>{name} must be a number, e.g. 0.3, 0,3 or 30%, not {value}</source>
        <translation>{name} moet een getal zijn, bijv. 0.3, 0,3 of 30%, niet {value}</translation>
    </message>
    <message>
        <source>not a file path: {value}</source>
        <translation>geen bestandspad: {value}</translation>
    </message>
    <message>
        <source>the file name contains a NUL character</source>
        <translation>de bestandsnaam bevat een NUL-teken</translation>
    </message>
    <message>
        <source>{file} is not valid {encoding} text (byte {byte}); choose another encoding</source>
        <translation>{file} is geen geldige {encoding}-tekst (byte {byte}); kies een andere codering</translation>
    </message>
    <message>
        <source>{file} is an HTML or XML page, not a table of text (some systems export those under an Excel name): open it in Excel and save it as .xlsx or .csv</source>
        <translation>{file} is een HTML- of XML-pagina, geen teksttabel (sommige systemen exporteren die onder een Excel-naam): open het in Excel en sla het op als .xlsx of .csv</translation>
    </message>
    <message>
        <source>could not find the column separator (tried ; , tab |): is this an order table?</source>
        <translation>het scheidingsteken tussen de kolommen is niet gevonden (geprobeerd: ; , tab |): is dit een ordertabel?</translation>
    </message>
    <message>
        <source>the separator must be one character, not {value}</source>
        <translation>het scheidingsteken moet één teken zijn, niet {value}</translation>
    </message>
    <message>
        <source>the header row must be 1 or more</source>
        <translation>de kopregel moet 1 of hoger zijn</translation>
    </message>
    <message>
        <source>{file} has no header row</source>
        <translation>{file} heeft geen kopregel</translation>
    </message>
    <message>
        <source>{file} could not be read as a table: {problem}</source>
        <translation>{file} kan niet als tabel gelezen worden: {problem}</translation>
    </message>
    <message>
        <source>{file} could not be read as Parquet: {problem}</source>
        <translation>{file} kan niet als Parquet gelezen worden: {problem}</translation>
    </message>
    <message>
        <source>{file} has no usable orders: {reasons}</source>
        <translation>{file} bevat geen bruikbare orders: {reasons}</translation>
    </message>
    <message>
        <source>{count} {reason}</source>
        <translation>{count} × {reason}</translation>
    </message>
    <message>
        <source>{count} {reason} in column &apos;{column}&apos;</source>
        <translation>{count} × {reason} in kolom &apos;{column}&apos;</translation>
    </message>
    <message>
        <source>{count} {reason} (e.g. {example})</source>
        <translation>{count} × {reason} (bijv. {example})</translation>
    </message>
    <message>
        <source>{count} {reason} in column &apos;{column}&apos; (e.g. {example})</source>
        <translation>{count} × {reason} in kolom &apos;{column}&apos; (bijv. {example})</translation>
    </message>
    <message>
        <source>{file} is not a usable workbook: {parts} parts</source>
        <translation>{file} is geen bruikbare werkmap: {parts} onderdelen</translation>
    </message>
    <message>
        <source>{file} is a binary workbook (.xlsb), which cannot be checked for safety; save it as .xlsx</source>
        <translation>{file} is een binaire werkmap (.xlsb), die niet op veiligheid gecontroleerd kan worden; sla hem op als .xlsx</translation>
    </message>
    <message>
        <source>{file} is damaged or incomplete (not a readable workbook)</source>
        <translation>{file} is beschadigd of onvolledig (geen leesbare werkmap)</translation>
    </message>
    <message>
        <source>{file} is damaged, encrypted or uses an unsupported zip format</source>
        <translation>{file} is beschadigd, versleuteld of gebruikt een niet-ondersteund zip-formaat</translation>
    </message>
    <message>
        <source>{file} unpacks to more than {limit} MB (a zip bomb?); refused</source>
        <translation>{file} pakt uit tot meer dan {limit} MB (een zip-bom?); geweigerd</translation>
    </message>
    <message>
        <source>{file} has a part that unpacks over {ratio} times its size (a zip bomb?); refused</source>
        <translation>{file} heeft een onderdeel dat meer dan {ratio} keer zijn grootte uitpakt (een zip-bom?); geweigerd</translation>
    </message>
    <message>
        <source>{file} is damaged: part {part} has no XML content</source>
        <translation>{file} is beschadigd: onderdeel {part} heeft geen XML-inhoud</translation>
    </message>
    <message>
        <source>{file} is not an Excel workbook (or it is damaged)</source>
        <translation>{file} is geen Excel-werkmap (of hij is beschadigd)</translation>
    </message>
    <message>
        <source>{file} is password-protected; save it without a password</source>
        <translation>{file} is met een wachtwoord beveiligd; sla hem op zonder wachtwoord</translation>
    </message>
    <message>
        <source>{file} could not be read as a workbook: {problem}</source>
        <translation>{file} kan niet als werkmap gelezen worden: {problem}</translation>
    </message>
    <message>
        <source>{file}: sheet &apos;{sheet}&apos; could not be read: {problem}</source>
        <translation>{file}: werkblad &apos;{sheet}&apos; kan niet gelezen worden: {problem}</translation>
    </message>
    <message>
        <source>{file} has no sheets</source>
        <translation>{file} heeft geen werkbladen</translation>
    </message>
    <message>
        <source>sheet &apos;{sheet}&apos; of {file} is empty</source>
        <translation>werkblad &apos;{sheet}&apos; van {file} is leeg</translation>
    </message>
    <message>
        <source>sheet &apos;{sheet}&apos; of {file} has no row {row}</source>
        <translation>werkblad &apos;{sheet}&apos; van {file} heeft geen rij {row}</translation>
    </message>
    <message>
        <source>the orders must be a table</source>
        <translation>de orders moeten een tabel zijn</translation>
    </message>
    <message>
        <source>unknown assumption(s): {unknown}</source>
        <translation>onbekende aanname(s): {unknown}</translation>
    </message>
    <message>
        <source>automatic penalty must be on or off (true or false)</source>
        <translation>de automatische straf moet aan of uit staan (true of false)</translation>
    </message>
    <message>
        <source>cannot start the order-log engine: {detail}</source>
        <translation>kan de order-engine niet starten: {detail}</translation>
    </message>
    <message>
        <source>--engine spark needs pyspark: pip install clvdesk[cluster]</source>
        <translation>--engine spark heeft pyspark nodig: pip install clvdesk[cluster]</translation>
    </message>
    <message>
        <source>the Spark engine summarises; run the quality report on DuckDB</source>
        <translation>de Spark-engine maakt alleen samenvattingen; maak het kwaliteitsrapport met DuckDB</translation>
    </message>
    <message>
        <source>cannot write &apos;{file}&apos;: use a file name ending in {formats}</source>
        <translation>kan &apos;{file}&apos; niet schrijven: gebruik een bestandsnaam die eindigt op {formats}</translation>
    </message>
    <message>
        <source>unknown CSV style {value}; use {styles}</source>
        <translation>onbekende CSV-stijl {value}; gebruik {styles}</translation>
    </message>
    <message>
        <source>no rows to write</source>
        <translation>geen rijen om te schrijven</translation>
    </message>
    <message>
        <source>{rows} rows do not fit in an xlsx sheet (at most {limit}); write csv or parquet instead</source>
        <translation>{rows} rijen passen niet in een xlsx-werkblad (hoogstens {limit}); schrijf csv of parquet</translation>
    </message>
    <message>
        <source>{customers} customers do not fit on one Excel sheet (at most {limit}); write the predictions to csv or parquet instead</source>
        <translation>{customers} klanten passen niet op één Excel-werkblad (hoogstens {limit}); schrijf de voorspellingen naar csv of parquet</translation>
    </message>
    <message>
        <source>cannot write &apos;{path}&apos;: {problem}</source>
        <translation>kan &apos;{path}&apos; niet schrijven: {problem}</translation>
    </message>
    <message>
        <source>currency must be a symbol or code of at most 5 characters, like € or EUR, not {value}</source>
        <translation>de valuta moet een symbool of code van hoogstens 5 tekens zijn, zoals € of EUR, niet {value}</translation>
    </message>
    <message>
        <source>the report must be an .xlsx file, got &apos;{path}&apos;</source>
        <translation>het rapport moet een .xlsx-bestand zijn, niet &apos;{path}&apos;</translation>
    </message>
    <message>
        <source>the report language must be one of {languages}, got {value}</source>
        <translation>de taal van het rapport moet een van {languages} zijn, niet {value}</translation>
    </message>
    <message>
        <source>{column} must be numbers</source>
        <translation>{column} moet uit getallen bestaan</translation>
    </message>
    <message>
        <source>{column} must be finite numbers (row {row} is not)</source>
        <translation>{column} moet uit eindige getallen bestaan (rij {row} niet)</translation>
    </message>
    <message>
        <source>{column} must be positive (row {row} is {value:g})</source>
        <translation>{column} moet positief zijn (rij {row} is {value:g})</translation>
    </message>
    <message>
        <source>{column} must be zero or more (row {row} is {value:g})</source>
        <translation>{column} moet 0 of meer zijn (rij {row} is {value:g})</translation>
    </message>
    <message>
        <source>{column} must be whole numbers (row {row} is {value:g})</source>
        <translation>{column} moet uit gehele getallen bestaan (rij {row} is {value:g})</translation>
    </message>
    <message>
        <source>{column} has {count} values for {rows} rows</source>
        <translation>{column} heeft {count} waarden voor {rows} rijen</translation>
    </message>
    <message>
        <source>columns must have the same length; got {lengths}</source>
        <translation>de kolommen moeten even lang zijn; nu: {lengths}</translation>
    </message>
    <message>
        <source>columns given together must have the same rows</source>
        <translation>kolommen die samen gegeven worden moeten dezelfde rijen hebben</translation>
    </message>
    <message>
        <source>recency must not exceed T (row {row}: recency {recency:g} &gt; T {age:g})</source>
        <translation>de recentheid mag niet groter zijn dan T (rij {row}: recentheid {recency:g} &gt; T {age:g})</translation>
    </message>
    <message>
        <source>recency must be 0 for customers without repeat purchases (row {row}: frequency 0, recency {recency:g})</source>
        <translation>de recentheid moet 0 zijn voor klanten zonder herhaalaankopen (rij {row}: frequentie 0, recentheid {recency:g})</translation>
    </message>
    <message>
        <source>{column} must be positive for repeat buyers (row {row} has {value:g})</source>
        <translation>{column} moet positief zijn voor herhaalkopers (rij {row} heeft {value:g})</translation>
    </message>
    <message>
        <source>the customer summary must be a table with frequency, recency and T</source>
        <translation>de klantsamenvatting moet een tabel zijn met frequency, recency en T</translation>
    </message>
    <message>
        <source>the customer summary does not say its time unit</source>
        <translation>de klantsamenvatting vermeldt haar tijdseenheid niet</translation>
    </message>
    <message>
        <source>the customer summary does not say when the calibration period ends</source>
        <translation>de klantsamenvatting vermeldt niet wanneer de kalibratieperiode eindigt</translation>
    </message>
    <message>
        <source>the customer summary has no column &apos;{column}&apos;</source>
        <translation>de klantsamenvatting heeft geen kolom &apos;{column}&apos;</translation>
    </message>
    <message>
        <source>column &apos;{column}&apos; of the customer summary has missing or non-numeric values</source>
        <translation>kolom &apos;{column}&apos; van de klantsamenvatting heeft ontbrekende of niet-numerieke waarden</translation>
    </message>
    <message>
        <source>the segments must be a column of segment names by customer id</source>
        <translation>de segmenten moeten een kolom met segmentnamen per klantnummer zijn</translation>
    </message>
    <message>
        <source>parameters must be given as name/value pairs: {names}</source>
        <translation>de parameters moeten als naam/waarde-paren gegeven worden: {names}</translation>
    </message>
    <message>
        <source>missing parameter(s) {missing}; this model needs {names}</source>
        <translation>ontbrekende parameter(s) {missing}; dit model heeft {names} nodig</translation>
    </message>
    <message>
        <source>unknown parameter(s) {unknown}; this model needs {names}</source>
        <translation>onbekende parameter(s) {unknown}; dit model heeft {names} nodig</translation>
    </message>
    <message>
        <source>parameter {param} must be a number, got {value}</source>
        <translation>parameter {param} moet een getal zijn, niet {value}</translation>
    </message>
    <message>
        <source>parameter {param} must be a positive number, got {value}</source>
        <translation>parameter {param} moet een positief getal zijn, niet {value}</translation>
    </message>
    <message>
        <source>standard errors must be given as name/value pairs</source>
        <translation>de standaardfouten moeten als naam/waarde-paren gegeven worden</translation>
    </message>
    <message>
        <source>standard error of {param} must be a number</source>
        <translation>de standaardfout van {param} moet een getal zijn</translation>
    </message>
    <message>
        <source>standard error of {param} must be zero or more</source>
        <translation>de standaardfout van {param} moet 0 of meer zijn</translation>
    </message>
    <message>
        <source>number of parameter draws must be a whole number, got {value}</source>
        <translation>het aantal parametertrekkingen moet een geheel getal zijn, niet {value}</translation>
    </message>
    <message>
        <source>number of parameter draws must be at least 1</source>
        <translation>het aantal parametertrekkingen moet minstens 1 zijn</translation>
    </message>
    <message>
        <source>the prediction horizon must be zero or more</source>
        <translation>de voorspelhorizon moet 0 of meer zijn</translation>
    </message>
    <message>
        <source>a horizon of {value:g} {unit} is too long</source>
        <translation>een horizon van {value:g} {unit} is te lang</translation>
    </message>
    <message>
        <source>retention 1 without discounting has no finite lifetime value; give a discount rate above 0 or a number of periods</source>
        <translation>retentie 1 zonder disconteren geeft geen eindige klantwaarde; geef een disconteringsvoet boven 0 of een aantal perioden</translation>
    </message>
    <message>
        <source>no parameter uncertainty available for this model (fit it on data or give standard errors)</source>
        <translation>voor dit model is geen parameteronzekerheid bekend (schat het op gegevens of geef standaardfouten)</translation>
    </message>
    <message>
        <source>the {model} fit did not reach a finite likelihood; check the data</source>
        <translation>de schatting van {model} kwam niet tot een eindige likelihood; controleer de gegevens</translation>
    </message>
    <message>
        <source>the {model} fit did not converge: parameter(s) {params} run off to 0 or infinity; the data cannot identify them (too few customers or too little repeat behaviour for this model)</source>
        <translation>de schatting van {model} convergeerde niet: parameter(s) {params} lopen weg naar 0 of oneindig; de gegevens kunnen ze niet vastleggen (te weinig klanten of te weinig herhaalgedrag voor dit model)</translation>
    </message>
    <message>
        <source>no repeat purchases: every customer bought only once, so {model} cannot estimate purchase or dropout rates</source>
        <translation>geen herhaalaankopen: elke klant kocht maar één keer, dus {model} kan geen aankoop- of uitvalkansen schatten</translation>
    </message>
    <message>
        <source>every customer has T = 0; the observation period is empty</source>
        <translation>elke klant heeft T = 0; de observatieperiode is leeg</translation>
    </message>
    <message>
        <source>no repeat spend: no customer has a repeat purchase, so the Gamma-Gamma spend model cannot be fitted</source>
        <translation>geen herhaalbestedingen: geen klant heeft een herhaalaankoop, dus het Gamma-Gamma-bestedingsmodel kan niet geschat worden</translation>
    </message>
    <message>
        <source>too few repeat buyers to fit gamma-gamma ({customers:g}; need at least {needed})</source>
        <translation>te weinig herhaalkopers om gamma-gamma te schatten ({customers:g}; minstens {needed} nodig)</translation>
    </message>
    <message>
        <source>every repeat buyer has the same mean spend; the Gamma-Gamma model needs spend that varies between customers</source>
        <translation>elke herhaalkoper heeft dezelfde gemiddelde besteding; het Gamma-Gamma-model heeft bestedingen nodig die tussen klanten verschillen</translation>
    </message>
    <message>
        <source>the fitted spend distribution has no finite mean (q = {q:.3g} &lt;= 1), so customers without repeat purchases have no expected spend</source>
        <translation>de geschatte bestedingsverdeling heeft geen eindig gemiddelde (q = {q:.3g} &lt;= 1), dus klanten zonder herhaalaankopen hebben geen verwachte besteding</translation>
    </message>
    <message>
        <source>unknown status {status}; statuses are {statuses}</source>
        <translation>onbekende status {status}; de statussen zijn {statuses}</translation>
    </message>
    <message>
        <source>unknown action setting(s): {setting}</source>
        <translation>onbekende actie-instelling(en): {setting}</translation>
    </message>
    <message>
        <source>the time unit must be days, weeks or months, not {period}</source>
        <translation>de tijdseenheid moet dagen, weken of maanden zijn, niet {period}</translation>
    </message>
    <message>
        <source>the acquisition period ({acquisition:g} periods) must not exceed the calibration period ({calibration:g} periods)</source>
        <translation>de wervingsperiode ({acquisition:g} perioden) mag niet langer zijn dan de kalibratieperiode ({calibration:g} perioden)</translation>
    </message>
    <message>
        <source>the simulator draws from {models}; got {model}</source>
        <translation>de simulator trekt uit {models}; niet {model}</translation>
    </message>
    <message>
        <source>spend parameter q must be above 1 for a finite mean spend (got {q:g})</source>
        <translation>bestedingsparameter q moet boven 1 liggen voor een eindige gemiddelde besteding (nu {q:g})</translation>
    </message>
    <message>
        <source>{name} must be a whole number of at least {low}, got {value}</source>
        <translation>{name} moet een geheel getal van minstens {low} zijn, niet {value}</translation>
    </message>
    <message>
        <source>{name} must be a number of periods, 0 or more, got {value}</source>
        <translation>{name} moet een aantal perioden van 0 of meer zijn, niet {value}</translation>
    </message>
    <message>
        <source>{name} must be a number of periods above 0, got {value}</source>
        <translation>{name} moet een aantal perioden boven 0 zijn, niet {value}</translation>
    </message>
    <message>
        <source>{name} must be a share between 0 and 1 (0.02 = 2 %), got {value}</source>
        <translation>{name} moet een aandeel tussen 0 en 1 zijn (0,02 = 2 %), niet {value}</translation>
    </message>
    <message>
        <source>one dropout probability for everyone is a BG/NBD base</source>
        <translation>één uitvalkans voor iedereen is een BG/NBD-klantenbestand</translation>
    </message>
    <message>
        <source>a sheet applies to Excel workbooks only; {file} is a text (CSV) file</source>
        <translation>een blad kiezen kan alleen bij Excel-werkmappen; {file} is een tekstbestand (CSV)</translation>
    </message>
    <message>
        <source>a sheet applies to Excel workbooks only; {file} is a Parquet file</source>
        <translation>een blad kiezen kan alleen bij Excel-werkmappen; {file} is een Parquet-bestand</translation>
    </message>
    <message>
        <source>unknown model {value}; choose one of {models}</source>
        <translation>onbekend model {value}; kies uit {models}</translation>
    </message>
    <message>
        <source>cannot read {file}: {problem}</source>
        <translation>kan {file} niet lezen: {problem}</translation>
    </message>
    <message>
        <source>{value} is not a text encoding; use e.g. utf-8, cp1252 or latin-1</source>
        <translation>{value} is geen tekstcodering; gebruik bijv. utf-8, cp1252 of latin-1</translation>
    </message>
    <message>
        <source>the {model} fit did not converge (the optimiser stopped away from an optimum)</source>
        <translation>de schatting van {model} convergeerde niet (de optimalisatie stopte buiten een optimum)</translation>
    </message>
    <message>
        <source>the {model} fit found no unique optimum: the data cannot pin down {params} (too few customers or too little variety in their behaviour for this model)</source>
        <translation>de schatting van {model} vond geen uniek optimum: de gegevens kunnen {params} niet vastleggen (te weinig klanten of te weinig verscheidenheid in hun gedrag voor dit model)</translation>
    </message>
    <message>
        <source>no CLV interval: the models carry no parameter uncertainty</source>
        <translation>geen CLV-interval: de modellen hebben geen parameteronzekerheid</translation>
    </message>
    <message>
        <source>{count} repeat buyer(s) with a mean repeat spend of 0 or less (e.g. after returns) are left out of the spend model and get the population mean spend</source>
        <translation>{count} herhaalkoper(s) met een gemiddelde herhaalbesteding van 0 of minder (bijv. na retouren) blijven buiten het bestedingsmodel en krijgen de gemiddelde besteding van alle klanten</translation>
    </message>
    <message>
        <source>no spend model: tiers rank customers by expected purchases, and the levers need CLV</source>
        <translation>geen bestedingsmodel: de prioriteitsgroepen rangschikken klanten op verwachte aankopen, en de hefbomen hebben CLV nodig</translation>
    </message>
    <message>
        <source>{count} NPS score(s) outside the whole numbers 0 to 10 are ignored</source>
        <translation>{count} NPS-score(s) buiten de gehele getallen 0 tot en met 10 worden genegeerd</translation>
    </message>
    <message>
        <source>the {model} estimate is regularised (penalty {penalty:g}, as set in the assumptions)</source>
        <translation>de schatting van {model} is geregulariseerd (straf {penalty:g}, zoals ingesteld bij de aannames)</translation>
    </message>
    <message>
        <source>the {model} estimate is regularised (penalty {penalty:g}) because the data alone do not identify it: {reason}</source>
        <translation>de schatting van {model} is geregulariseerd (straf {penalty:g}) omdat de gegevens op zichzelf haar niet vastleggen: {reason}</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <source>starting</source>
        <translation>starten</translation>
    </message>
    <message>
        <source>done</source>
        <translation>klaar</translation>
    </message>
    <message>
        <source>loading the CDNOW demo data</source>
        <translation>CDNOW-demogegevens laden</translation>
    </message>
    <message>
        <source>checking data quality</source>
        <translation>datakwaliteit controleren</translation>
    </message>
    <message>
        <source>checking workbook</source>
        <translation>werkmap controleren</translation>
    </message>
    <message>
        <source>reading sheet</source>
        <translation>blad lezen</translation>
    </message>
    <message>
        <source>converting cells</source>
        <translation>cellen omzetten</translation>
    </message>
    <message>
        <source>reading rows</source>
        <translation>regels lezen</translation>
    </message>
    <message>
        <source>reading Parquet</source>
        <translation>Parquet lezen</translation>
    </message>
    <message>
        <source>reading the order file into the engine</source>
        <translation>het orderbestand in de rekenmodule inlezen</translation>
    </message>
    <message>
        <source>reading the first orders to show</source>
        <translation>de eerste orders lezen om te tonen</translation>
    </message>
    <message>
        <source>reading dates</source>
        <translation>datums lezen</translation>
    </message>
    <message>
        <source>reading amounts</source>
        <translation>bedragen lezen</translation>
    </message>
    <message>
        <source>mapping columns</source>
        <translation>kolommen koppelen</translation>
    </message>
    <message>
        <source>summarising customers</source>
        <translation>klanten samenvatten</translation>
    </message>
    <message>
        <source>fitting {model}</source>
        <translation>{model} schatten</translation>
    </message>
    <message>
        <source>fitted {model}</source>
        <translation>{model} geschat</translation>
    </message>
    <message>
        <source>predicting CLV</source>
        <translation>CLV voorspellen</translation>
    </message>
    <message>
        <source>predicting purchases</source>
        <translation>aankopen voorspellen</translation>
    </message>
    <message>
        <source>intervals from parameter draws</source>
        <translation>intervallen uit parametertrekkingen</translation>
    </message>
    <message>
        <source>predictions done</source>
        <translation>voorspellingen klaar</translation>
    </message>
    <message>
        <source>building segment and cohort tables</source>
        <translation>segment- en cohorttabellen maken</translation>
    </message>
    <message>
        <source>listing customers to act on</source>
        <translation>klanten voor actie op een rij zetten</translation>
    </message>
    <message>
        <source>checking the model against the data</source>
        <translation>model toetsen aan de gegevens</translation>
    </message>
    <message>
        <source>models compared</source>
        <translation>modellen vergeleken</translation>
    </message>
    <message>
        <source>writing the report workbook</source>
        <translation>rapportwerkmap schrijven</translation>
    </message>
    <message>
        <source>writing the table</source>
        <translation>tabel schrijven</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>customer (e.g. klantnummer)</source>
        <translation>klant (bijv. klantnummer)</translation>
    </message>
    <message>
        <source>date (e.g. orderdatum)</source>
        <translation>datum (bijv. orderdatum)</translation>
    </message>
    <message>
        <source>amount (e.g. bedrag)</source>
        <translation>bedrag (bijv. bedrag)</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>gross margin</source>
        <translation>brutomarge</translation>
    </message>
    <message>
        <source>discount rate</source>
        <translation>disconteringsvoet</translation>
    </message>
    <message>
        <source>horizon</source>
        <translation>horizon</translation>
    </message>
    <message>
        <source>end of the calibration period</source>
        <translation>einde van de kalibratieperiode</translation>
    </message>
    <message>
        <source>end of the holdout period</source>
        <translation>einde van de controleperiode</translation>
    </message>
    <message>
        <source>interval width</source>
        <translation>breedte van het interval</translation>
    </message>
    <message>
        <source>number of parameter draws</source>
        <translation>aantal parametertrekkingen</translation>
    </message>
    <message>
        <source>acquisition cost</source>
        <translation>acquisitiekosten</translation>
    </message>
    <message>
        <source>average repeat order value</source>
        <translation>gemiddelde waarde van herhaalaankopen</translation>
    </message>
    <message>
        <source>average order value</source>
        <translation>gemiddelde orderwaarde</translation>
    </message>
    <message>
        <source>purchases per year</source>
        <translation>aankopen per jaar</translation>
    </message>
    <message>
        <source>lifespan</source>
        <translation>levensduur</translation>
    </message>
    <message>
        <source>churn rate</source>
        <translation>churnpercentage</translation>
    </message>
    <message>
        <source>retention</source>
        <translation>retentie</translation>
    </message>
    <message>
        <source>spend growth</source>
        <translation>groei van de besteding</translation>
    </message>
    <message>
        <source>referral value</source>
        <translation>waarde van doorverwijzingen</translation>
    </message>
    <message>
        <source>penalty</source>
        <translation>straf (regularisatie)</translation>
    </message>
    <message>
        <source>time unit of the model</source>
        <translation>tijdseenheid van het model</translation>
    </message>
    <message>
        <source>transaction model</source>
        <translation>transactiemodel</translation>
    </message>
    <message>
        <source>spend model</source>
        <translation>bestedingsmodel</translation>
    </message>
    <message>
        <source>monthly revenue</source>
        <translation>maandomzet</translation>
    </message>
    <message>
        <source>lifetime value</source>
        <translation>klantwaarde</translation>
    </message>
    <message>
        <source>number of months</source>
        <translation>aantal maanden</translation>
    </message>
    <message>
        <source>step</source>
        <translation>stap</translation>
    </message>
    <message>
        <source>today&apos;s date</source>
        <translation>datum van vandaag</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>startdatum</translation>
    </message>
    <message>
        <source>number of customers</source>
        <translation>aantal klanten</translation>
    </message>
    <message>
        <source>acquisition period</source>
        <translation>wervingsperiode</translation>
    </message>
    <message>
        <source>calibration period</source>
        <translation>kalibratieperiode</translation>
    </message>
    <message>
        <source>holdout period</source>
        <translation>controleperiode</translation>
    </message>
    <message>
        <source>future period</source>
        <translation>toekomstige periode</translation>
    </message>
    <message>
        <source>dropout probability</source>
        <translation>uitvalkans</translation>
    </message>
    <message>
        <source>share of returns</source>
        <translation>aandeel retouren</translation>
    </message>
    <message>
        <source>share of duplicate rows</source>
        <translation>aandeel dubbele regels</translation>
    </message>
    <message>
        <source>share of same-day orders</source>
        <translation>aandeel orders op dezelfde dag</translation>
    </message>
</context>
</TS>

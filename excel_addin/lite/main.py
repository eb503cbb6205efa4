"""CLV Desk functions for xlwings Lite (Excel on Windows, Mac and the web).

Paste this file into xlwings Lite's main.py and requirements.txt beside it into its
requirements.txt (README, *Excel on Mac and the web*). Generated from
excel_addin/functions.py by `python -m excel_addin.lite_udfs`: edit that, not this.
"""

from xlwings import arg, func

from excel_addin.lite_udfs import call


@func
@arg('aov', ndim=2, err_to_str=True, doc='Average order value (currency), a number or a range.')
@arg('frequency', ndim=2, err_to_str=True, doc='Purchases per customer per year.')
@arg('lifespan', ndim=2, err_to_str=True, doc='Customer lifespan in years.')
@arg('cac', ndim=2, err_to_str=True, doc='Optional: acquisition cost per customer (currency); empty = 0.')
@arg('margin', ndim=2, err_to_str=True, doc='Optional: gross margin as a fraction (0.3 = 30 %); empty = 1 (revenue).')
def CLV_SIMPLE(aov, frequency, lifespan, cac=None, margin=None):
    """Simple CLV = margin x average order value x purchases per year x lifespan in years - acquisition cost (Kumar 2006; Gupta & Lehmann 2003). Ranges give a range of results."""
    return call('CLV_SIMPLE', aov, frequency, lifespan, cac, margin)


@func
@arg('margin', ndim=2, err_to_str=True, doc='Margin per customer per period (currency), e.g. per year.')
@arg('retention', ndim=2, err_to_str=True, doc='Fraction of customers kept each period (0.8 = 80 %).')
@arg('discount_rate', ndim=2, err_to_str=True, doc='Discount rate per period (0.1 = 10 %).')
@arg('periods', ndim=2, err_to_str=True, doc='Optional: number of periods; empty = an unlimited horizon.')
def CLV_RETENTION(margin, retention, discount_rate, periods=None):
    """Retention CLV = sum over periods t of margin x retention^t / (1 + discount rate)^t; unlimited: margin x r / (1 + d - r) (Gupta & Lehmann 2003, eq. 2)."""
    return call('CLV_RETENTION', margin, retention, discount_rate, periods)


@func
@arg('churn_rate', ndim=2, err_to_str=True, doc='Fraction of customers lost per period (0.2 = 20 % a year).')
def CLV_LIFESPAN(churn_rate):
    """Expected customer lifespan = 1 / churn rate, in the period of the churn rate (20 % a year gives 5 years; Gupta & Lehmann 2003)."""
    return call('CLV_LIFESPAN', churn_rate)


@func
@arg('clv', ndim=2, err_to_str=True, doc='Customer lifetime value before acquisition cost (currency).')
@arg('cac', ndim=2, err_to_str=True, doc='Acquisition cost per customer (currency, above 0).')
def LTV_CAC(clv, cac):
    """LTV:CAC ratio = lifetime value / acquisition cost; 3 or more is commonly read as healthy."""
    return call('LTV_CAC', clv, cac)


@func
@arg('cac', ndim=2, err_to_str=True, doc='Acquisition cost per customer (currency).')
@arg('monthly_revenue', ndim=2, err_to_str=True, doc='Revenue per customer per month (currency).')
@arg('margin', ndim=2, err_to_str=True, doc='Optional: gross margin as a fraction; empty = 1 (revenue).')
def CAC_PAYBACK(cac, monthly_revenue, margin=None):
    """Months until a customer repays the acquisition cost = cac / (monthly revenue x margin); #NUM! when it never pays back."""
    return call('CAC_PAYBACK', cac, monthly_revenue, margin)


@func
@arg('orders', ndim=2, err_to_str=True, doc='Orders with a header row: customer, date and amount columns (English or Dutch headers).')
@arg('end_date', ndim=2, err_to_str=True, doc='Optional: last day of the observation period; empty = the last order date.')
@arg('period', ndim=2, err_to_str=True, doc='Optional: time unit of recency and T: days, weeks or months; empty = weeks.')
def CLV_SUMMARY(orders, end_date=None, period=None):
    """One row per customer from an order list: repeat purchases (frequency), recency, age T, mean repeat spend, first and last purchase, orders and total spend."""
    return call('CLV_SUMMARY', orders, end_date, period)


@func
@arg('orders', ndim=2, err_to_str=True, doc='Orders with a header row: customer, date and amount (and a segment column).')
@arg('segment_column', ndim=2, err_to_str=True, doc='Optional: header of the column that groups customers (e.g. segment, kanaal); empty = all customers.')
@arg('margin', ndim=2, err_to_str=True, doc='Optional: gross margin fraction; empty = from a margin or cost column, else 1.')
@arg('cac', ndim=2, err_to_str=True, doc='Optional: acquisition cost per customer: a number, or a 2-column range of segment and cost.')
@arg('lifespan_years', ndim=2, err_to_str=True, doc='Optional: assumed lifespan in years (number or segment/years range); empty = observed tenure.')
@arg('end_date', ndim=2, err_to_str=True, doc='Optional: last day of the observation period; empty = the last order date.')
def CLV_SEGMENTS(orders, segment_column=None, margin=None, cac=None, lifespan_years=None, end_date=None):
    """Three-factor CLV per segment: average order value x purchases per year x lifespan, with margin, CAC, LTV:CAC and payback months (Kumar 2006)."""
    return call('CLV_SEGMENTS', orders, segment_column, margin, cac, lifespan_years, end_date)


@func
@arg('data', ndim=2, err_to_str=True, doc='Orders (customer, date, amount) or a summary (frequency, recency, T; bgbb: periods, weights) with headers; sbg: customers still active at period 0, 1, 2...')
@arg('model', ndim=2, err_to_str=True, doc='Optional: bgnbd, mbgnbd, pareto-nbd, gamma-gamma, bgbb or sbg; empty = bgnbd.')
@arg('end_date', ndim=2, err_to_str=True, doc='Optional: last day of the calibration period for orders; empty = the last order date.')
@arg('period', ndim=2, err_to_str=True, doc='Optional: time unit for orders: days, weeks or months; empty = weeks.')
def CLV_FIT(data, model=None, end_date=None, period=None):
    """Fit a CLV model by maximum likelihood: parameters with standard errors, log-likelihood, customers, AIC and BIC. Use the result as the parameters of CLV_PALIVE."""
    return call('CLV_FIT', data, model, end_date, period)


@func
@arg('parameters', ndim=2, err_to_str=True, doc='The CLV_FIT result, or a 2-column range of parameter names and values.')
@arg('frequency', ndim=2, err_to_str=True, doc='Repeat purchases of the customer (a number or a range).')
@arg('recency', ndim=2, err_to_str=True, doc='Age at the last purchase, in the time unit of the fit (e.g. weeks).')
@arg('T', ndim=2, err_to_str=True, doc='Age of the customer at the end of the period, same time unit (BG/BB: the number of purchase opportunities).')
@arg('model', ndim=2, err_to_str=True, doc='Optional: the model name; empty = as in the parameters.')
def CLV_PALIVE(parameters, frequency, recency, T, model=None):
    """Probability that a customer is still active, given repeat purchases, recency and age (BG/NBD: Fader, Hardie & Lee 2005, eq. 12)."""
    return call('CLV_PALIVE', parameters, frequency, recency, T, model)


@func
@arg('parameters', ndim=2, err_to_str=True, doc='The CLV_FIT result, or a 2-column range of parameter names and values.')
@arg('frequency', ndim=2, err_to_str=True, doc='Repeat purchases of the customer (a number or a range).')
@arg('recency', ndim=2, err_to_str=True, doc='Age at the last purchase, in the time unit of the fit (e.g. weeks).')
@arg('T', ndim=2, err_to_str=True, doc='Age of the customer at the end of the period, same time unit (BG/BB: the number of purchase opportunities).')
@arg('horizon', ndim=2, err_to_str=True, doc='Length of the future period, same time unit (e.g. 52 weeks; BG/BB: future opportunities).')
@arg('model', ndim=2, err_to_str=True, doc='Optional: the model name; empty = as in the parameters.')
def CLV_EXPECTED_PURCHASES(parameters, frequency, recency, T, horizon, model=None):
    """Expected purchases of a customer in the next horizon periods, given repeat purchases, recency and age (BG/NBD: Fader, Hardie & Lee 2005, eq. 10)."""
    return call('CLV_EXPECTED_PURCHASES', parameters, frequency, recency, T, horizon, model)


@func
@arg('parameters', ndim=2, err_to_str=True, doc='sBG parameters (alpha, beta): the CLV_FIT result for model sbg, or a 2-column range of names and values.')
@arg('periods', ndim=2, err_to_str=True, doc='Periods since the start of the contract (0, 1, 2, ...), a number or a range.')
def CLV_SURVIVAL(parameters, periods):
    """Share of a contract cohort still active after t periods, S(t) = B(alpha, beta + t) / B(alpha, beta) (shifted-beta-geometric; Fader & Hardie 2007)."""
    return call('CLV_SURVIVAL', parameters, periods)


@func
@arg('orders', ndim=2, err_to_str=True, doc='Orders with a header row: customer, date and amount columns.')
@arg('horizon', ndim=2, err_to_str=True, doc='Optional: months ahead the CLV counts; empty = 12.')
@arg('margin', ndim=2, err_to_str=True, doc='Optional: gross margin fraction (0.3 = 30 %); empty = 1 (revenue).')
@arg('discount_rate', ndim=2, err_to_str=True, doc='Optional: discount rate per year (0.1 = 10 %); empty = 0.1.')
@arg('model', ndim=2, err_to_str=True, doc='Optional: bgnbd, mbgnbd or pareto-nbd; empty = bgnbd. Spend: Gamma-Gamma.')
@arg('end_date', ndim=2, err_to_str=True, doc='Optional: last day of the calibration period; empty = the last order date.')
def CLV_PREDICT(orders, horizon=None, margin=None, discount_rate=None, model=None, end_date=None):
    """Predictive CLV per customer: P(alive), expected purchases and spend, discounted CLV over the horizon with a 90 % interval (clv_low, clv_high) from the parameter uncertainty."""
    return call('CLV_PREDICT', orders, horizon, margin, discount_rate, model, end_date)


@func
@arg('scenarios', ndim=2, err_to_str=True, doc='Scenarios with labelled inputs aov, frequency, lifespan (cac, margin...): one per row or per column, named in the first column or row.')
@arg('baseline', ndim=2, err_to_str=True, doc='Optional: name of the scenario the others are compared with; empty = the first.')
def CLV_SCENARIOS(scenarios, baseline=None):
    """Compare what-if scenarios of the simple CLV side by side: LTV, CLV, LTV:CAC, payback months and the difference with the baseline."""
    return call('CLV_SCENARIOS', scenarios, baseline)


@func
@arg('parameters', ndim=2, err_to_str=True, doc='The CLV_FIT result of a BG/NBD, MBG/NBD or Pareto/NBD fit, or a 2-column range of parameter names and values.')
@arg('frequency', ndim=2, err_to_str=True, doc='Repeat purchases of the customer (a number or a range).')
@arg('recency', ndim=2, err_to_str=True, doc='Age at the last purchase, in the time unit of the fit (e.g. weeks).')
@arg('T', ndim=2, err_to_str=True, doc='Age of the customer at the end of the period, same time unit.')
@arg('periods', ndim=2, err_to_str=True, doc='Churn window in the time unit of the fit (90 days = 12.86 weeks).')
@arg('model', ndim=2, err_to_str=True, doc='Optional: the model name; empty = as in the parameters.')
def CLV_CHURN_RISK(parameters, frequency, recency, T, periods, model=None):
    """Probability of no purchase in the next periods: 1 - P(alive) + P(alive) x P(no purchase | alive) (BG/NBD: ((alpha+T)/(alpha+T+t))^(r+x))."""
    return call('CLV_CHURN_RISK', parameters, frequency, recency, T, periods, model)


@func
@arg('parameters', ndim=2, err_to_str=True, doc='The CLV_FIT result of a BG/NBD, MBG/NBD or Pareto/NBD fit, or a 2-column range of parameter names and values.')
@arg('frequency', ndim=2, err_to_str=True, doc='Repeat purchases of the customer (a number or a range).')
@arg('T', ndim=2, err_to_str=True, doc='Age of the customer at the end of the period, in the time unit of the fit.')
@arg('model', ndim=2, err_to_str=True, doc='Optional: the model name; empty = as in the parameters.')
def CLV_NEXT_PURCHASE(parameters, frequency, T, model=None):
    """Median time to the next purchase of a customer still active, in the time unit of the fit (BG/NBD: (alpha+T)(2^(1/(r+x))-1)); add it to the end date for a date."""
    return call('CLV_NEXT_PURCHASE', parameters, frequency, T, model)


@func
@arg('values', ndim=2, err_to_str=True, doc='Predicted CLV of every customer (a column range; a header row is skipped).')
@arg('cut_points', ndim=2, err_to_str=True, doc='Optional: cumulative shares closing the tiers, e.g. 0.1 and 0.3 in two cells; empty = top 10 %, next 20 %, rest.')
def CLV_TIERS(values, cut_points=None):
    """Value tier of each customer by CLV, 1 = top: top 10 %, next 20 %, rest (ties in the order of the range); spills one tier per value."""
    return call('CLV_TIERS', values, cut_points)

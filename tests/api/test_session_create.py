"""POST /bank-connect/v1|v2/session/: every error code of the seed's table
and of the reference's, with its HTTP status, and the happy paths, against
the real server."""

import datetime

from harness import UUID4, check, eq, expect_error, query_params, suite

IST = datetime.timezone(datetime.timedelta(hours=5, minutes=30))


def today():
    return datetime.datetime.now(IST).date()


def dmy(d):
    return d.strftime('%d/%m/%Y')


ORGS = {}


def org(srv, modes=None):
    key = modes or 'all'
    if key not in ORGS:
        ORGS[key] = srv.create_org('Fields ' + key, modes)
    return ORGS[key]


def create(srv, version=1, modes=None, **fields):
    return srv.create_session(org(srv, modes), version=version, **fields)


@suite.test
def defaults_cover_the_last_six_months(srv):
    r = create(srv)
    eq(r.status, 200, r.text)
    st = srv.upload_status(org(srv), r.json['session_id']).json
    eq(st['session_date_range']['to_date'], dmy(today()))
    frm = datetime.datetime.strptime(st['session_date_range']['from_date'], '%d/%m/%Y').date()
    check(170 <= (today() - frm).days <= 190, 'about six months: %s' % frm)


@suite.test
def explicit_dates_are_kept(srv):
    r = create(srv, from_date='01/01/2024', to_date='15/06/2024')
    eq(r.status, 200, r.text)
    st = srv.upload_status(org(srv), r.json['session_id']).json
    eq(st['session_date_range'], {'from_date': '01/01/2024', 'to_date': '15/06/2024'})


@suite.test
def date_errors(srv):
    for bad in ('2024-01-01', '1/1/2024', '31/02/2024', '29/02/2023', '00/01/2024', '01/13/2024',
                'yesterday', '01/01/24'):
        expect_error(create(srv, from_date=bad, to_date='01/06/2024'), 400, 'INVALID_DATE_FORMAT', bad)
        expect_error(create(srv, from_date='01/01/2024', to_date=bad), 400, 'INVALID_DATE_FORMAT', bad)
    expect_error(create(srv, from_date=20240101, to_date='01/06/2024'), 400, 'INVALID_DATE_FORMAT', 'number')
    expect_error(create(srv, from_date='01/06/2024', to_date='01/06/2024'), 400, 'INVALID_DATE_RANGE', 'equal')
    expect_error(create(srv, from_date='02/06/2024', to_date='01/06/2024'), 400, 'INVALID_DATE_RANGE', 'reversed')
    expect_error(create(srv, from_date='01/01/2024'), 400, 'MISSING_DATE_FIELD', 'only from')
    expect_error(create(srv, to_date='01/06/2024'), 400, 'MISSING_DATE_FIELD', 'only to')
    eq(create(srv, from_date='29/02/2024', to_date='01/06/2024').status, 200, 'leap day')


@suite.test
def max_window_errors(srv):
    expect_error(create(srv, max_from_date='2024-01-01', max_to_date='01/06/2024'), 400,
                 'INVALID_DATE_FORMAT', 'max format')
    expect_error(create(srv, max_from_date='01/06/2024', max_to_date='01/01/2024'), 400,
                 'INVALID_DATE_RANGE', 'max reversed')
    expect_error(create(srv, max_from_date='01/06/2024', max_to_date='01/06/2024'), 400,
                 'INVALID_DATE_RANGE', 'max equal')
    r = create(srv, from_date='01/02/2024', to_date='01/05/2024', max_from_date='01/01/2024',
               max_to_date='01/06/2024')
    eq(r.status, 200, r.text)


@suite.test
def bank_and_mode_rules(srv):
    eq(create(srv, bank_name='hdfc').status, 200, 'lower case bank')
    eq(create(srv, bank_name='HDFC', mode='pdf').status, 200, 'pdf for hdfc')
    eq(create(srv, bank_name='sbi', mode='aa').status, 200, 'aa for sbi')
    eq(create(srv, version=2, bank='HDFC', mode='aa').status, 200, 'v2 bank key')
    expect_error(create(srv, bank_name='NOT_A_BANK'), 400, 'INVALID_BANK_NAME')
    expect_error(create(srv, mode='pdf'), 400, 'MISSING_BANK_NAME')
    expect_error(create(srv, bank_name='hdfc', mode='online'), 400, 'MODE_NOT_AVAILABLE', 'no connector')
    expect_error(create(srv, bank_name='model', mode='aa'), 400, 'MODE_NOT_AVAILABLE', 'not on AA')
    expect_error(create(srv, modes='pdf', bank_name='hdfc', mode='aa'), 403, 'MODE_NOT_ENABLED')
    expect_error(create(srv, bank_name='hdfc', mode='fax'), 400, 'INVALID_REQUEST', 'bad mode')


@suite.test
def other_field_errors(srv):
    expect_error(create(srv, mobile_number='12345'), 400, 'INVALID_MOBILE_NUMBER')
    eq(create(srv, mobile_number='9876543210').status, 200, 'valid mobile')
    for bad in (4, 43201, 'soon', -1, 10.5):
        expect_error(create(srv, session_expiry=bad), 400, 'INVALID_SESSION_EXPIRY', repr(bad))
    for ok in (5, 43200):
        eq(create(srv, session_expiry=ok).status, 200, 'expiry %d' % ok)
    for bad in ('not a url', 'ftp://lender.example/x', 'javascript:alert(1)', 'http://'):
        expect_error(create(srv, redirect_url=bad), 400, 'INVALID_URL', bad)
        expect_error(create(srv, logo_url=bad), 400, 'INVALID_URL', 'logo ' + bad)
    expect_error(create(srv, link_id='x' * 501), 400, 'INVALID_LENGTH', 'link_id')
    eq(create(srv, link_id='x' * 500).status, 200, '500 chars is fine')
    expect_error(create(srv, bank_name='h' * 51), 400, 'INVALID_LENGTH', 'bank_name')
    expect_error(srv.post('/bank-connect/v1/session/', {'api_key': org(srv).api_key}), 400,
                 'INVALID_REQUEST', 'missing link_id')
    expect_error(create(srv, link_id=['x']), 400, 'INVALID_REQUEST', 'link_id type')
    eq(create(srv, link_id=42).status, 200, 'numbers are text, as in DRF')
    expect_error(create(srv, is_mobile_field_editable='maybe'), 400, 'INVALID_REQUEST', 'bool')
    expect_error(create(srv, accept_anything=[1]), 400, 'INVALID_REQUEST', 'bool')
    expect_error(create(srv, journey_mode='everything'), 400, 'INVALID_REQUEST', 'journey_mode')
    expect_error(create(srv, metadata='names'), 400, 'INVALID_REQUEST', 'metadata type')


@suite.test
def aa_parameters_and_parameter_count(srv):
    aa = dict(bank_name='hdfc', mode='aa')
    expect_error(create(srv, aa_recurring_tenure_month_count=85, aa_recurring_frequency_unit='month',
                        aa_recurring_frequency_value=1, aa_journey_mode='only_recurring', **aa), 400,
                 'INVALID_AA_PARAMETER', 'tenure')
    expect_error(create(srv, aa_recurring_tenure_month_count=12, aa_recurring_frequency_unit='month',
                        aa_recurring_frequency_value=9, aa_journey_mode='only_recurring', **aa), 400,
                 'INVALID_AA_PARAMETER', 'frequency value')
    expect_error(create(srv, aa_journey_mode='only_recurring', aa_recurring_tenure_month_count=12, **aa),
                 400, 'MISSING_AA_PARAMETER', 'unit and value missing')
    expect_error(create(srv, aa_recurring_frequency_unit='fortnight', **aa), 400, 'INVALID_REQUEST', 'unit')
    r = create(srv, aa_journey_mode='only_recurring', aa_recurring_tenure_month_count=12,
               aa_recurring_frequency_unit='MONTH', aa_recurring_frequency_value=1, **aa)
    eq(r.status, 200, r.text)
    expect_error(create(srv, version=2, aa_journey_code='BCAA009', **aa), 400, 'INVALID_REQUEST', 'journey code')
    expect_error(create(srv, version=2, aa_journey_code='BCAA001', consents={'CC0009': {}}, **aa), 400,
                 'INVALID_AA_PARAMETER', 'consent code')
    expect_error(create(srv, version=2, aa_journey_code='BCAA001',
                        consents={'CC0001': {'from_date': '2024-01-01'}}, **aa), 400, 'INVALID_DATE_FORMAT',
                 'consent date')
    eq(create(srv, version=2, aa_journey_code='BCAA001', consents={'CC0001': {'from_date': '01/01/2024',
                                                                               'to_date': '01/06/2024'}},
              **aa).status, 200, 'valid consent')
    many = {'extra_%d' % i: i for i in range(101)}
    expect_error(create(srv, **many), 400, 'INVALID_PARAMETER_COUNT', '101 unknown keys')
    eq(create(srv, unknown_field='ignored').status, 200, 'unknown fields are ignored')


@suite.test
def every_field_at_once(srv):
    body = dict(redirect_url='https://lender.example/done?x=1', logo_url='https://lender.example/logo.png',
                from_date='01/01/2024', to_date='05/07/2024', bank_name='ICICI', mode='pdf',
                mobile_number='+91 98765 43210', session_expiry=120, journey_mode='multi_pdf',
                accept_anything=True, is_mobile_field_editable=True,
                metadata={'names': ['Asha Rao'], 'employer_names': ['Acme Pvt Ltd'],
                          'companies_for_self_transfer': []})
    r = create(srv, **body)
    eq(r.status, 200, r.text)
    check(UUID4.match(r.json['session_id']), 'uuid')
    r2 = create(srv, version=2, aa_journey_code='BCAA001', bank='hdfc', mode='aa', **{
        k: v for k, v in body.items() if k not in ('bank_name', 'mode')})
    eq(r2.status, 200, r2.text)
    check('token' in query_params(r2.json['redirect_url']), 'v2 token')


if __name__ == '__main__':
    suite.main()

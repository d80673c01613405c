import * as assert from 'assert';
import { authorityKey, sameAuthority } from '../../server/src/history/authority';
import { data } from '../helpers/data';

describe('history: authority names', () => {
  const aliases = data.synonyms.authorities;
  const same = (a: string, b: string) => sameAuthority(a, b, aliases);

  it('reads a city council and its bare name as one authority, and the county as another', () => {
    assert.ok(same('Nottingham City Council', 'Nottingham'));
    assert.ok(same('Nottingham City', 'nottingham'));
    assert.ok(!same('Nottingham City Council', 'Nottinghamshire County Council'));
    assert.ok(!same('Nottingham', 'Nottinghamshire'));
    assert.equal(authorityKey('Nottinghamshire County Council'), 'nottinghamshire');
  });

  it('never matches by prefix', () => {
    assert.ok(!same('York', 'North Yorkshire'));
    assert.ok(!same('Derby', 'Derbyshire'));
    assert.ok(!same('Leicester City Council', 'Leicestershire County Council'));
    assert.ok(!same('Kingston upon Thames', 'Kingston upon Hull'));
    assert.ok(!same('Cheshire East', 'Cheshire West and Chester'));
  });

  it('takes off the kinds of council, front and back', () => {
    assert.ok(same('London Borough of Barking and Dagenham', 'Barking and Dagenham'));
    assert.ok(same('Royal Borough of Greenwich', 'Greenwich Council'));
    assert.ok(same('Wirral Metropolitan Borough Council', 'Metropolitan Borough of Wirral'));
    assert.ok(same('Stockport Metropolitan Borough Council', 'Stockport'));
    assert.ok(same('Bolton Council', 'Bolton'));
    assert.ok(same('Swindon Borough Council', 'Swindon'));
    assert.ok(same('City of York Council', 'York'));
    assert.ok(same('City of Bradford Metropolitan District Council', 'Bradford'));
    assert.ok(same('Bristol, City of', 'Bristol City Council'));
    assert.ok(same("Nottingham City Council children's services", 'Nottingham'));
    assert.ok(same("Inspection of Nottingham City local authority children's services", 'Nottingham City Council'));
  });

  it('treats hyphens, slugs, ampersands and curly apostrophes alike', () => {
    assert.ok(same('barking-and-dagenham', 'Barking & Dagenham'));
    assert.ok(same('Stoke-on-Trent City Council', 'stoke on trent'));
    assert.ok(same('St. Helens', 'St Helens Council'));
    assert.ok(same('Southend-on-Sea City Council', 'Southend'));
  });

  it('reads the shortened forms imported reports use', () => {
    assert.ok(same('Bristol City of', 'Bristol'));
    assert.ok(same('Tameside metropolitan borough', 'Tameside Borough Council'));
    assert.ok(same('Wakefield District Metropolitan Council', 'Wakefield Metropolitan District Council'));
    assert.ok(same('East Riding', 'East Riding of Yorkshire Council'));
    assert.ok(same('Metropolitan Borough of Barnsley Council', 'Barnsley'));
  });

  it('takes off whole words only', () => {
    assert.equal(authorityKey('Scarborough'), 'scarborough');
    assert.equal(authorityKey('Middlesbrough Borough Council'), 'middlesbrough');
    assert.ok(!same('Scarborough', 'Scar'));
  });

  it('keeps the City of London whole', () => {
    assert.equal(authorityKey('City of London'), 'city of london');
    assert.equal(authorityKey('City of London Corporation'), 'city of london');
    assert.ok(!same('City of London', 'London'));
    assert.equal(authorityKey('City of Westminster'), 'westminster');
    assert.ok(same('Westminster City Council', 'City of Westminster'));
  });

  it('uses the aliases in synonyms.yaml', () => {
    assert.ok(same('Hull City Council', 'Kingston upon Hull City Council'));
    assert.ok(same('County Durham', 'Durham County Council'));
    assert.ok(!same('Hull', 'Kingston upon Thames'));
  });

  it('has no key for a blank or missing name, and blank names are never the same', () => {
    assert.equal(authorityKey(''), undefined);
    assert.equal(authorityKey('   '), undefined);
    assert.equal(authorityKey(undefined), undefined);
    assert.equal(authorityKey(42), undefined);
    assert.ok(!sameAuthority('', ''));
    assert.ok(!sameAuthority(undefined, undefined));
  });

  it('leaves a name that is only a kind of council alone rather than emptying it', () => {
    assert.equal(authorityKey('Council'), 'council');
    assert.equal(authorityKey('City Council'), 'city');
  });
});

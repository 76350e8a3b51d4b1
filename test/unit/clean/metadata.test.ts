import { agenciesIn, datelineAgency } from '../../../lambdas/core/clean/agencies';
import { parseDateline, stripDate } from '../../../lambdas/core/clean/dates';
import { bylineName } from '../../../lambdas/core/clean/metadata';

describe('parseDateline (wall-clock ISO, offset only when stated)', () => {
  test.each([
    ['19 March 2021 - 13:46 Andrey Biryukov', '2021-03-19T13:46'],
    ['Nov 18, 2019 at 9:24 pm ET • 2 min read', '2019-11-18T21:24'],
    ['Monday November 18, 2019 7:45 am PST', '2019-11-18T07:45'],
    ['March 3, 2024', '2024-03-03'],
    ['19.03.2021 08:05', '2021-03-19T08:05'],
    ['2019-11-18T21:24:00-05:00', '2019-11-18T21:24:00-05:00'],
    ['2019-11-18T21:24:00.000Z', '2019-11-18T21:24:00Z'],
    ['2019-11-18 21:24', '2019-11-18T21:24'],
    ['22 de outubro de 2010 às 20:13', '2010-10-22T20:13'],
    ['12:00 am, 1 January 2020', '2020-01-01'],
    ['Freitag, 3. März 2021, 13:46 Uhr', '2021-03-03T13:46'],
    ['Stand: 19.03.2021 13.46 Uhr', '2021-03-19T13:46'],
    ['19 de marzo de 2021 - 13:46 h', '2021-03-19T13:46'],
    ['Publié le 19 mars 2021 à 13h46', '2021-03-19T13:46'],
    ['1er avril 2021', '2021-04-01'],
    ['19 marzo 2021 ore 13:46', '2021-03-19T13:46'],
    ['19 maart 2021, 13.46 uur', '2021-03-19T13:46'],
    ['19 марта 2021 г., 13:46', '2021-03-19T13:46'],
    ['19 Mart 2021 Cuma 13:46', '2021-03-19T13:46'],
    ['NİSAN değil: 19 Nisan 2021', '2021-04-19'],
    ['الجمعة 19 مارس 2021 - 13:46', '2021-03-19T13:46'],
    ['١٩ مارس ٢٠٢١', '2021-03-19'],
    ['19 تشرين الأول 2021', '2021-10-19'],
    ['2021年3月19日 13:46', '2021-03-19T13:46'],
    ['2021년 3월 19일', '2021-03-19'],
    ['2021/03/19 13:46', '2021-03-19T13:46'],
    ['19.03.2021 13:46 GMT+3', '2021-03-19T13:46+03:00'],
    ['19 March 2021, 13:46 +0530', '2021-03-19T13:46+05:30'],
  ])('%s → %s', (text, iso) => {
    expect(parseDateline(text)).toBe(iso);
  });

  test.each(['no date here', '45 Smarch 2021', '2021-13-40'])('%s → null', (text) => {
    expect(parseDateline(text)).toBeNull();
  });

  test('stripDate leaves the name', () => {
    expect(stripDate('19 March 2021 - 13:46 Andrey Biryukov')).toBe('Andrey Biryukov');
    expect(stripDate('19 марта 2021 г. 13:46 Андрей Бирюков')).toBe('Андрей Бирюков');
    expect(stripDate('2021年3月19日 13:46 张伟')).toBe('张伟');
    expect(stripDate('19.03.2021, 13:46 Uhr | Max Muster')).toBe('Max Muster');
  });
});

describe('agencies', () => {
  test('names and acronyms map to codes', () => {
    expect(agenciesIn('The Western Journal has reviewed this Associated Press story')).toEqual(['AP']);
    expect(agenciesIn('With reporting by AP, Interfax, Reuters, and TASS')).toEqual(['AP', 'Reuters', 'TASS', 'Interfax']);
    expect(agenciesIn('Agence France-Presse and Xinhua')).toEqual(['AFP', 'Xinhua']);
    // "pa" inside a word or lower-case "ap" is not an agency.
    expect(agenciesIn('the paper was apt')).toEqual([]);
  });

  test('wire datelines', () => {
    expect(datelineAgency('MOSCOW (AP) — Russia said on Monday')).toBe('AP');
    expect(datelineAgency('ST. JOSEPH, Mich. (AP) — Michigan health authorities')).toBe('AP');
    expect(datelineAgency('LONDON (Reuters) - Shares fell')).toBe('Reuters');
    expect(datelineAgency('The AP said on Monday')).toBeNull();
  });
});

describe('bylineName', () => {
  test.each([
    ['By Jane Doe', 'Jane Doe'],
    ['19 March 2021 - 13:46 Andrey Biryukov', 'Andrey Biryukov'],
    ['by Madeline Fry', 'Madeline Fry'],
  ])('%s → %s', (line, name) => {
    expect(bylineName(line)).toBe(name);
  });
});

describe('bylineName in the languages of the news', () => {
  test.each([
    ['Von Max Muster', 'Max Muster'],
    ['Par Jeanne Dupont', 'Jeanne Dupont'],
    ['Autor: Иван Петров', 'Иван Петров'],
    ['Автор: Иван Петров', 'Иван Петров'],
    ['بقلم: محمد علي', 'محمد علي'],
    ['Yazan: Ayşe Yılmaz', 'Ayşe Yılmaz'],
    ['（记者 张伟）', '张伟'],
    ['本报记者张伟', '张伟'],
    ['Door Jan de Vries', 'Jan de Vries'],
  ])('%s → %s', (line, name) => {
    expect(bylineName(line)).toBe(name);
  });
});

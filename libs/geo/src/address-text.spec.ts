import { normaliseAddress, parseAddress } from './address-text.js';

describe('normaliseAddress', () => {
  it('folds full-width characters, spaces and punctuation', () => {
    expect(normaliseAddress('（浙江省）杭州市，西湖区　文三路 ４７８號 華星·时代广场【Ａ座】')).toBe(
      '浙江省杭州市西湖区文三路478号華星时代广场A座',
    );
  });

  it('upper-cases Latin letters and turns # into 号', () => {
    expect(normaliseAddress('莫干山路100号3#楼b单元 room 1201')).toBe('莫干山路100号3号楼B单元ROOM1201');
  });

  it('keeps a dash between digits but drops other dashes', () => {
    expect(normaliseAddress('莫干山路 100－2 号')).toBe('莫干山路100-2号');
    expect(normaliseAddress('莫干山路100—2号')).toBe('莫干山路100-2号');
    expect(normaliseAddress('杭州-西湖区')).toBe('杭州西湖区');
  });

  it('drops 第 before a house number only', () => {
    expect(normaliseAddress('人民路第26号')).toBe('人民路26号');
    expect(normaliseAddress('第一中学')).toBe('第一中学');
  });

  it('is idempotent', () => {
    const once = normaliseAddress(' 广东省 佛山市 禅城区 祖庙街道 人民路 第２６号 ');
    expect(normaliseAddress(once)).toBe(once);
  });
});

describe('parseAddress', () => {
  it('splits a full Hangzhou address', () => {
    expect(parseAddress('浙江省杭州市拱墅区莫干山路100号')).toEqual({
      normalised: '浙江省杭州市拱墅区莫干山路100号',
      province: '浙江省',
      city: '杭州市',
      district: '拱墅区',
      road: '莫干山路',
      number: '100号',
      rest: '',
      divisionCode: '330105',
    });
  });

  it('needs no province, and reads full-width digits and spaces', () => {
    expect(parseAddress('杭州市 西湖区 文三路 ４７８号 华星时代广场Ａ座')).toEqual({
      normalised: '杭州市西湖区文三路478号华星时代广场A座',
      city: '杭州市',
      district: '西湖区',
      road: '文三路',
      number: '478号',
      rest: '华星时代广场A座',
      divisionCode: '330106',
    });
  });

  it('needs no city either', () => {
    expect(parseAddress('拱墅区莫干山路１００號')).toMatchObject({
      district: '拱墅区',
      road: '莫干山路',
      number: '100号',
      divisionCode: '330105',
    });
    expect(parseAddress('拱墅区莫干山路１００號').city).toBeUndefined();
  });

  it('reads Quzhou addresses, including a county-level city', () => {
    expect(parseAddress('浙江省衢州市柯城区荷花中路 ２ 号')).toMatchObject({
      city: '衢州市',
      district: '柯城区',
      road: '荷花中路',
      number: '2号',
      divisionCode: '330802',
    });
    expect(parseAddress('衢州市江山市鹿溪南路６６－１号')).toMatchObject({
      city: '衢州市',
      district: '江山市',
      road: '鹿溪南路',
      number: '66-1号',
      divisionCode: '330881',
    });
  });

  it('reads Foshan addresses with a township', () => {
    expect(parseAddress('广东省佛山市禅城区祖庙街道人民路２６号')).toMatchObject({
      province: '广东省',
      city: '佛山市',
      district: '禅城区',
      township: '祖庙街道',
      road: '人民路',
      number: '26号',
      rest: '',
      divisionCode: '440604',
    });
    expect(parseAddress('佛山市顺德区大良街道德和居委会')).toMatchObject({
      district: '顺德区',
      township: '大良街道',
      rest: '德和居委会',
      divisionCode: '440606',
    });
  });

  it('accepts short province and city names only when the next level follows', () => {
    expect(parseAddress('广东佛山南海区桂城街道南海大道北１２３号')).toMatchObject({
      province: '广东省',
      city: '佛山市',
      district: '南海区',
      township: '桂城街道',
      road: '南海大道北',
      number: '123号',
      divisionCode: '440605',
    });
    // 佛山大道 is a road, not 佛山市.
    const road = parseAddress('佛山大道中１号');
    expect(road).toMatchObject({ road: '佛山大道中', number: '1号', rest: '' });
    expect(road.city).toBeUndefined();
    expect(road.divisionCode).toBeUndefined();
  });

  it('gives the retired code for a retired district name', () => {
    expect(parseAddress('杭州市下城区延安路１号').divisionCode).toBe('330103');
    expect(parseAddress('杭州市下城区延安路１号').district).toBe('下城区');
  });

  it('leaves what it does not recognise in rest', () => {
    expect(parseAddress('华星时代广场')).toEqual({ normalised: '华星时代广场', rest: '华星时代广场' });
    expect(parseAddress('')).toEqual({ normalised: '', rest: '' });
  });
});

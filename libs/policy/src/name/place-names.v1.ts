import { type PlaceLevel, type PlaceName } from './name-policy.types';

const place = (name: string, fullName: string, level: PlaceLevel, within?: string): PlaceName =>
  within === undefined ? { name, fullName, level } : { name, fullName, level, within };

const provinces = (names: string): PlaceName[] => names.split(' ').map((n) => place(n, `${n}省`, 'province'));

const beijingDistricts = '东城 西城 朝阳 海淀 丰台 石景山 门头沟 房山 通州 顺义 昌平 大兴 怀柔 平谷 密云 延庆';

const citiesByProvince: readonly (readonly [string, string])[] = [
  ['广东', '广州 深圳'],
  ['浙江', '杭州 宁波'],
  ['江苏', '南京 苏州'],
  ['湖北', '武汉'],
  ['四川', '成都'],
  ['陕西', '西安'],
  ['山东', '济南 青岛'],
  ['福建', '福州 厦门'],
  ['安徽', '合肥 淮北'],
  ['湖南', '长沙'],
  ['河南', '郑州'],
  ['辽宁', '沈阳 大连'],
];

/** County-level-or-above divisions the name check knows: all province-level ones, Beijing's districts, major cities. */
export const placeNamesV1: readonly PlaceName[] = [
  ...['北京', '天津', '上海', '重庆'].map((n) => place(n, `${n}市`, 'municipality')),
  ...provinces(
    '河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾',
  ),
  place('内蒙古', '内蒙古自治区', 'autonomous-region'),
  place('广西', '广西壮族自治区', 'autonomous-region'),
  place('西藏', '西藏自治区', 'autonomous-region'),
  place('宁夏', '宁夏回族自治区', 'autonomous-region'),
  place('新疆', '新疆维吾尔自治区', 'autonomous-region'),
  place('香港', '香港特别行政区', 'special-administrative-region'),
  place('澳门', '澳门特别行政区', 'special-administrative-region'),
  ...beijingDistricts.split(' ').map((n) => place(n, `${n}区`, 'district', '北京')),
  ...citiesByProvince.flatMap(([province, cities]) =>
    cities.split(' ').map((n) => place(n, `${n}市`, 'city', province)),
  ),
  place('南山', '南山区', 'district', '深圳'),
];

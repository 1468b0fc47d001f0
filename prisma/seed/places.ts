// Where a team's prospects live, study and work. ID-card regions are real GB/T 2260 codes,
// so a generated ID card's first six digits agree with its holder's 籍贯.

export type City = "beijing" | "shanghai";

export type Region = { code: string; place: string };

export type CityData = {
  name: string;
  // District -> roads that run through it, so an address reads as a real one.
  districts: Record<string, readonly string[]>;
  highSchools: readonly string[];
  universities: readonly string[];
  regions: readonly Region[];
};

export const CITIES: Record<City, CityData> = {
  beijing: {
    name: "北京市",
    districts: {
      海淀区: ["学院路", "中关村大街", "知春路", "西直门外大街"],
      朝阳区: ["建国路", "朝阳北路", "望京街", "北苑路"],
      东城区: ["东直门内大街", "朝阳门北大街"],
      西城区: ["西直门内大街", "阜成门外大街"],
      丰台区: ["丰台北路", "南三环西路"],
      昌平区: ["回龙观西大街", "北清路"],
      通州区: ["新华大街", "运河西大街"],
    },
    highSchools: [
      "北京市第四中学",
      "中国人民大学附属中学",
      "北京师范大学附属实验中学",
      "北京市第八十中学",
      "北京市海淀外国语实验学校",
      "清华大学附属中学",
    ],
    universities: [
      "北京理工大学",
      "北京交通大学",
      "首都经济贸易大学",
      "北京外国语大学",
      "北京工业大学",
      "中国农业大学",
      "北京林业大学",
      "首都师范大学",
    ],
    regions: [
      { code: "110105", place: "北京市朝阳区" },
      { code: "110108", place: "北京市海淀区" },
      { code: "120101", place: "天津市和平区" },
      { code: "130102", place: "河北省石家庄市" },
      { code: "140105", place: "山西省太原市" },
      { code: "210102", place: "辽宁省沈阳市" },
      { code: "370102", place: "山东省济南市" },
      { code: "410105", place: "河南省郑州市" },
    ],
  },
  shanghai: {
    name: "上海市",
    districts: {
      浦东新区: ["世纪大道", "张杨路", "锦绣路"],
      徐汇区: ["漕溪北路", "虹桥路", "天钥桥路"],
      静安区: ["南京西路", "延安中路"],
      黄浦区: ["淮海中路", "西藏南路"],
      杨浦区: ["四平路", "国权路"],
      闵行区: ["七莘路", "沪闵路"],
      长宁区: ["延安西路", "天山路"],
    },
    highSchools: [
      "上海中学",
      "华东师范大学第二附属中学",
      "复旦大学附属中学",
      "上海市建平中学",
      "上海外国语大学附属外国语学校",
      "上海市七宝中学",
    ],
    universities: [
      "上海财经大学",
      "华东理工大学",
      "上海大学",
      "同济大学",
      "上海外国语大学",
      "东华大学",
      "上海师范大学",
      "上海理工大学",
    ],
    regions: [
      { code: "310104", place: "上海市徐汇区" },
      { code: "310115", place: "上海市浦东新区" },
      { code: "320102", place: "江苏省南京市" },
      { code: "320506", place: "江苏省苏州市" },
      { code: "330106", place: "浙江省杭州市" },
      { code: "330203", place: "浙江省宁波市" },
      { code: "340104", place: "安徽省合肥市" },
      { code: "360102", place: "江西省南昌市" },
    ],
  },
};

export const EMPLOYERS = [
  "中国工商银行",
  "京东集团",
  "联想集团",
  "小米科技",
  "美团",
  "中国移动",
  "普华永道",
  "德勤华永会计师事务所",
  "上海汽车集团",
  "携程集团",
  "中国平安保险",
  "交通银行",
  "华为技术有限公司",
  "网易",
] as const;

export const POSITIONS = [
  "软件工程师",
  "会计",
  "市场专员",
  "产品经理",
  "数据分析师",
  "人事专员",
  "销售经理",
  "审计助理",
  "行政助理",
  "教师",
] as const;

export const MAJORS = [
  "计算机科学",
  "数据科学",
  "金融学",
  "会计学",
  "市场营销",
  "管理学",
  "电子工程",
  "机械工程",
  "土木工程",
  "建筑学",
  "传媒与新闻",
  "教育学",
  "心理学",
  "法学",
  "国际关系",
  "英语语言文学",
  "艺术设计",
  "生物医学",
  "化学工程",
  "商业分析",
  "酒店管理",
] as const;

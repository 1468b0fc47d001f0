import type { Gender } from "@/lib/generated/prisma/enums";

// Common surnames with rough frequency weights, and given-name characters by gender, each with
// its pinyin so the generated WeChat ids and emails look like the ones people really pick.

export const SURNAMES: readonly (readonly [hanzi: string, pinyin: string, weight: number])[] = [
  ["王", "wang", 72], ["李", "li", 71], ["张", "zhang", 68], ["刘", "liu", 54], ["陈", "chen", 46],
  ["杨", "yang", 35], ["黄", "huang", 25], ["赵", "zhao", 20], ["吴", "wu", 20], ["周", "zhou", 19],
  ["徐", "xu", 15], ["孙", "sun", 15], ["马", "ma", 14], ["朱", "zhu", 14], ["胡", "hu", 13],
  ["郭", "guo", 12], ["何", "he", 12], ["林", "lin", 11], ["高", "gao", 11], ["罗", "luo", 10],
  ["郑", "zheng", 9], ["梁", "liang", 9], ["谢", "xie", 8], ["宋", "song", 8], ["唐", "tang", 8],
  ["许", "xu", 7], ["韩", "han", 7], ["冯", "feng", 7], ["邓", "deng", 7], ["曹", "cao", 6],
  ["彭", "peng", 6], ["曾", "zeng", 6], ["肖", "xiao", 6], ["田", "tian", 5], ["董", "dong", 5],
  ["潘", "pan", 5], ["袁", "yuan", 5], ["蔡", "cai", 5], ["蒋", "jiang", 5], ["余", "yu", 5],
  ["于", "yu", 5], ["杜", "du", 4], ["叶", "ye", 4], ["程", "cheng", 4], ["魏", "wei", 4],
  ["苏", "su", 4], ["吕", "lv", 4], ["丁", "ding", 4], ["任", "ren", 4], ["卢", "lu", 3],
  ["姚", "yao", 3], ["沈", "shen", 3], ["钟", "zhong", 3], ["姜", "jiang", 3], ["崔", "cui", 3],
  ["谭", "tan", 3], ["陆", "lu", 3], ["范", "fan", 3], ["汪", "wang", 3], ["廖", "liao", 3],
  ["石", "shi", 3], ["金", "jin", 3], ["贾", "jia", 3], ["夏", "xia", 3], ["方", "fang", 3],
  ["邹", "zou", 2], ["熊", "xiong", 2], ["白", "bai", 2], ["孟", "meng", 2], ["秦", "qin", 2],
  ["邱", "qiu", 2], ["侯", "hou", 2], ["江", "jiang", 2], ["薛", "xue", 2], ["闫", "yan", 2],
  ["段", "duan", 2], ["雷", "lei", 2], ["龙", "long", 2], ["史", "shi", 2], ["陶", "tao", 2],
  ["贺", "he", 2], ["顾", "gu", 2], ["龚", "gong", 2], ["邵", "shao", 2], ["钱", "qian", 2],
  ["欧阳", "ouyang", 1], ["司马", "sima", 1],
];

const MALE_CHARS: readonly (readonly [string, string])[] = [
  ["伟", "wei"], ["强", "qiang"], ["磊", "lei"], ["军", "jun"], ["洋", "yang"], ["勇", "yong"],
  ["杰", "jie"], ["涛", "tao"], ["明", "ming"], ["超", "chao"], ["浩", "hao"], ["宇", "yu"],
  ["鹏", "peng"], ["博", "bo"], ["文", "wen"], ["轩", "xuan"], ["子", "zi"], ["睿", "rui"],
  ["晨", "chen"], ["俊", "jun"], ["泽", "ze"], ["然", "ran"], ["一", "yi"], ["航", "hang"],
  ["天", "tian"], ["嘉", "jia"], ["志", "zhi"], ["建", "jian"], ["凯", "kai"], ["峰", "feng"],
  ["翔", "xiang"], ["亮", "liang"], ["旭", "xu"], ["诚", "cheng"], ["铭", "ming"], ["昊", "hao"],
  ["逸", "yi"], ["宏", "hong"], ["家", "jia"], ["思", "si"],
];

const FEMALE_CHARS: readonly (readonly [string, string])[] = [
  ["芳", "fang"], ["娜", "na"], ["敏", "min"], ["静", "jing"], ["丽", "li"], ["艳", "yan"],
  ["婷", "ting"], ["雪", "xue"], ["琳", "lin"], ["欣", "xin"], ["怡", "yi"], ["佳", "jia"],
  ["雨", "yu"], ["萱", "xuan"], ["梓", "zi"], ["涵", "han"], ["诗", "shi"], ["悦", "yue"],
  ["可", "ke"], ["馨", "xin"], ["琪", "qi"], ["晴", "qing"], ["妍", "yan"], ["思", "si"],
  ["梦", "meng"], ["洁", "jie"], ["倩", "qian"], ["颖", "ying"], ["露", "lu"], ["瑶", "yao"],
  ["慧", "hui"], ["蕾", "lei"], ["璐", "lu"], ["彤", "tong"], ["语", "yu"], ["一", "yi"],
  ["心", "xin"], ["舒", "shu"], ["文", "wen"], ["嘉", "jia"],
];

export function givenNameChars(gender: Gender): readonly (readonly [string, string])[] {
  return gender === "MALE" ? MALE_CHARS : FEMALE_CHARS;
}

import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DictionaryKind } from "@/lib/generated/prisma/enums";

type Entry = readonly [code: string, labelZh: string, labelEn: string];

// Codes are stable keys (ISO 3166 for countries); labels are what the IT team may rename.
export const DICTIONARIES: Record<DictionaryKind, readonly Entry[]> = {
  COUNTRY: [
    ["GB", "英国", "United Kingdom"],
    ["US", "美国", "United States"],
    ["AU", "澳大利亚", "Australia"],
    ["CA", "加拿大", "Canada"],
    ["NZ", "新西兰", "New Zealand"],
    ["HK", "中国香港", "Hong Kong, China"],
    ["SG", "新加坡", "Singapore"],
    ["JP", "日本", "Japan"],
    ["DE", "德国", "Germany"],
    ["IE", "爱尔兰", "Ireland"],
  ],
  PROGRAM: [
    ["BACHELOR", "本科", "Bachelor's"],
    ["MASTER", "硕士", "Master's"],
    ["DOCTORATE", "博士", "Doctorate"],
    ["LANGUAGE", "语言", "Language course"],
    ["HIGH_SCHOOL", "高中", "High school"],
    ["FOUNDATION", "预科", "Foundation"],
  ],
  EDUCATION: [
    ["HIGH_SCHOOL", "高中", "High school"],
    ["ASSOCIATE", "大专", "Associate degree"],
    ["BACHELOR", "本科", "Bachelor's degree"],
    ["MASTER", "硕士", "Master's degree"],
    ["DOCTORATE", "博士", "Doctorate"],
  ],
  REGISTRATION: [
    ["PHONE", "电话咨询", "Phone enquiry"],
    ["VISIT", "到访", "Walk-in visit"],
    ["WEB_FORM", "网络表单", "Web form"],
    ["WECHAT", "微信", "WeChat"],
    ["REFERRAL", "转介绍", "Referral"],
    ["FAIR", "展会", "Education fair"],
  ],
  MEDIA_SOURCE: [
    ["BAIDU", "百度", "Baidu"],
    ["XIAOHONGSHU", "小红书", "Xiaohongshu"],
    ["DOUYIN", "抖音", "Douyin"],
    ["WECHAT_OA", "微信公众号", "WeChat official account"],
    ["ZHIHU", "知乎", "Zhihu"],
    ["FRIEND", "朋友推荐", "Friend's recommendation"],
    ["FAIR", "留学展", "Study-abroad fair"],
    ["ALUMNI", "老客户介绍", "Former client's referral"],
  ],
  GRADE: [
    ["A", "A（高意向）", "A (high intent)"],
    ["B", "B（中意向）", "B (medium intent)"],
    ["C", "C（低意向）", "C (low intent)"],
    ["D", "D（无效）", "D (invalid)"],
  ],
};

// "KIND:CODE" -> id, e.g. "COUNTRY:GB".
export type DictionaryIds = Map<string, string>;

export async function seedDictionaries(db: PrismaClient): Promise<DictionaryIds> {
  const ids: DictionaryIds = new Map();
  for (const [kind, entries] of Object.entries(DICTIONARIES) as [DictionaryKind, readonly Entry[]][]) {
    for (const [index, [code, labelZh, labelEn]] of entries.entries()) {
      const sortOrder = (index + 1) * 10;
      const item = await db.dictionaryItem.upsert({
        where: { kind_code: { kind, code } },
        create: { kind, code, labelZh, labelEn, sortOrder },
        update: { labelZh, labelEn, sortOrder },
        select: { id: true },
      });
      ids.set(`${kind}:${code}`, item.id);
    }
  }
  return ids;
}

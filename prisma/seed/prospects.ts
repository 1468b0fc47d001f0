import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Gender, MaritalStatus } from "@/lib/generated/prisma/enums";
import { normalizeHandle, normalizeIdNumber, normalizePhone } from "@/lib/customers/normalize";
import { idCardCheckChar } from "@/lib/validation/china";
import { prospectFields, writeSeedAudit } from "./audit";
import { DEMO_USERS } from "./demo-users";
import { DICTIONARIES, type DictionaryIds } from "./dictionaries";
import { givenNameChars, SURNAMES } from "./names";
import { CITIES, EMPLOYERS, MAJORS, POSITIONS, type City, type CityData, type Region } from "./places";
import { createRandom, type Random } from "./random";
import type { UserIds } from "./people";

export const PROSPECT_OWNERS = ["consultant1", "consultant2", "consultant3", "manager1"] as const;
type Owner = (typeof PROSPECT_OWNERS)[number];

const PER_OWNER = 40;
const SPREAD_DAYS = 120;
const DAY_MS = 24 * 60 * 60 * 1000;

type Prospect = Omit<Prisma.CustomerCreateManyInput, "ownerId" | "createdById">;
type Refs = { country?: string; education?: string; grade?: string; registration?: string; mediaSource?: string };

// The end-to-end tests rely on these two: a prospect to find and sign, and another consultant's
// prospect that a new entry with the same phone or WeChat collides with (撞单).
const FIXED: Record<Owner, { prospect: Prospect; refs: Refs } | undefined> = {
  consultant1: {
    prospect: { name: "张伟", phone: "13800138000", gender: "MALE", major: "计算机科学" },
    refs: { country: "GB", grade: "A", registration: "VISIT", mediaSource: "XIAOHONGSHU" },
  },
  consultant2: {
    prospect: { name: "王芳", phone: "13900139000", wechat: "wangfang_2026", gender: "FEMALE", major: "会计学" },
    refs: { country: "AU", grade: "B", registration: "WECHAT", mediaSource: "WECHAT_OA" },
  },
  consultant3: undefined,
  manager1: undefined,
};

const COUNTRY_WEIGHTS: readonly (readonly [string | undefined, number])[] = [
  ["GB", 25], ["US", 20], ["AU", 15], ["CA", 10], ["HK", 10], ["SG", 5], ["JP", 5], ["DE", 4],
  ["NZ", 3], ["IE", 3], [undefined, 10],
];
const GRADE_WEIGHTS: readonly (readonly [string | undefined, number])[] = [
  ["A", 20], ["B", 35], ["C", 30], ["D", 10], [undefined, 5],
];
const MOBILE_PREFIXES = [
  "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156",
  "157", "158", "159", "166", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187",
  "188", "189", "198", "199",
];
const EMAIL_DOMAINS = ["163.com", "126.com", "qq.com", "sina.com", "outlook.com", "gmail.com"];
const REMARKS = [
  "家长陪同到访，关注奖学金",
  "雅思成绩待出，两周后再联系",
  "已发送院校资料，等待反馈",
  "预算有限，倾向性价比高的国家",
  "对比了两家机构，价格敏感",
  "希望明年秋季入学",
  "需要先咨询签证拒签记录问题",
];

type Stage = "highSchool" | "undergraduate" | "working";

// Every generated key (phone, ID card, passport, WeChat, email, QQ) is unique across the whole
// demo, so the only 撞单 in the seed data are the ones a test creates on purpose.
class Uniques {
  private readonly seen = new Set<string>();
  claim(kind: string, value: string): boolean {
    const key = `${kind}:${value}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
  draw(kind: string, make: () => string): string {
    for (;;) {
      const value = make();
      if (this.claim(kind, value)) return value;
    }
  }
}

function cityOf(owner: Owner): City {
  const team = DEMO_USERS.find((u) => u.username === owner)?.team;
  return team === "上海二部" ? "shanghai" : "beijing";
}

function label(kind: "COUNTRY" | "PROGRAM", code: string): string {
  return DICTIONARIES[kind].find(([c]) => c === code)![1];
}

function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function makeIdCard(random: Random, region: Region, birth: Date, gender: Gender): string {
  const ymd = birth.toISOString().slice(0, 10).replaceAll("-", "");
  // The 17th digit is odd for men and even for women.
  const parity = gender === "MALE" ? random.pick(["1", "3", "5", "7", "9"]) : random.pick(["0", "2", "4", "6", "8"]);
  const first17 = `${region.code}${ymd}${random.digits(2)}${parity}`;
  return first17 + idCardCheckChar(first17);
}

const WECHAT_ALPHABET = [..."abcdefghijkmnpqrstuvwxyz23456789"];

function makeWechat(random: Random, pinyin: string, birthYear: number): string {
  const style = random.weighted([["digits", 4], ["year", 3], ["wxid", 2], ["initial", 1]] as const);
  const handle =
    style === "digits"
      ? `${pinyin}${random.digits(random.int(2, 4))}`
      : style === "year"
        ? `${pinyin}_${birthYear}`
        : style === "wxid"
          ? `wxid_${Array.from({ length: 10 }, () => random.pick(WECHAT_ALPHABET)).join("")}`
          : `${pinyin.slice(0, 1)}${random.digits(6)}`;
  // WeChat ids are 6–20 characters.
  return handle.length < 6 ? handle + random.digits(6 - handle.length) : handle.slice(0, 20);
}

function makeAddress(random: Random, city: CityData): string {
  const [district, roads] = random.pick(Object.entries(city.districts));
  const building = `${random.int(1, 300)}号${random.int(1, 20)}栋${random.int(1, 30)}0${random.int(1, 4)}室`;
  return `${city.name}${district}${random.pick(roads)}${building}`;
}

const WEIGHTED_SURNAMES = SURNAMES.map(([hanzi, pinyin, weight]) => [[hanzi, pinyin] as const, weight] as const);

function buildOwnerProspects(owner: Owner, dict: DictionaryIds, now: Date, uniques: Uniques, reserved: Set<string>) {
  const random = createRandom(PROSPECT_OWNERS.indexOf(owner) * 7919 + 2026);
  const city = CITIES[cityOf(owner)];
  const ref = (kind: string, code: string | undefined) => (code ? dict.get(`${kind}:${code}`)! : null);
  const rows: Prospect[] = [];

  const fixed = FIXED[owner];
  if (fixed) {
    rows.push({
      ...fixed.prospect,
      countryId: ref("COUNTRY", fixed.refs.country),
      gradeId: ref("GRADE", fixed.refs.grade),
      registrationId: ref("REGISTRATION", fixed.refs.registration),
      mediaSourceId: ref("MEDIA_SOURCE", fixed.refs.mediaSource),
      // Newest of the owner's prospects, so it heads the default list.
      createdAt: new Date(now.getTime() - DAY_MS),
    });
  }

  while (rows.length < PER_OWNER) {
    const gender: Gender = random.chance(0.5) ? "MALE" : "FEMALE";
    const [surname, surnamePinyin] = random.weighted(WEIGHTED_SURNAMES);
    const chars = givenNameChars(gender);
    const first = random.pick(chars);
    const second = random.chance(0.7) ? random.pick(chars.filter((c) => c !== first)) : undefined;
    const name = surname + first[0] + (second?.[0] ?? "");
    if (reserved.has(name)) continue;
    reserved.add(name);
    const givenPinyin = first[1] + (second?.[1] ?? "");
    const pinyin = surnamePinyin + givenPinyin;

    const stage = random.weighted<Stage>([["highSchool", 30], ["undergraduate", 35], ["working", 35]]);
    const age = stage === "highSchool" ? random.int(15, 18) : stage === "undergraduate" ? random.int(19, 22) : random.int(23, 32);
    const birthYear = now.getUTCFullYear() - age;
    const birth = utcDate(birthYear, random.int(1, 12), random.int(1, 28));

    const education =
      stage === "highSchool"
        ? "HIGH_SCHOOL"
        : stage === "undergraduate"
          ? random.weighted([["BACHELOR", 7], ["ASSOCIATE", 3]] as const)
          : random.weighted([["BACHELOR", 16], ["MASTER", 3], ["ASSOCIATE", 1]] as const);
    const program =
      stage === "highSchool"
        ? random.weighted([["BACHELOR", 6], ["FOUNDATION", 3], ["HIGH_SCHOOL", 1]] as const)
        : stage === "undergraduate"
          ? random.weighted([["MASTER", 7], ["BACHELOR", 2], ["LANGUAGE", 1]] as const)
          : education === "MASTER"
            ? "DOCTORATE"
            : "MASTER";
    const country = random.weighted(COUNTRY_WEIGHTS);
    const worker = stage === "working" && random.chance(0.6);
    const region = random.pick(city.regions);

    const hasIdCard = random.chance(0.4);
    const idCard = hasIdCard ? uniques.draw("idCard", () => makeIdCard(random, region, birth, gender)) : null;
    const phone = uniques.draw("phone", () => random.pick(MOBILE_PREFIXES) + random.digits(8));
    const qq = random.chance(0.25) ? uniques.draw("qq", () => String(random.int(1, 9)) + random.digits(random.int(6, 9))) : null;
    const email = random.chance(0.45)
      ? uniques.draw("email", () =>
          qq && random.chance(0.5)
            ? `${qq}@qq.com`
            : `${random.chance(0.5) ? pinyin : `${givenPinyin}.${surnamePinyin}`}${random.digits(random.int(0, 3))}@${random.pick(EMAIL_DOMAINS)}`,
        )
      : null;
    const maritalStatus: MaritalStatus | null =
      age >= 25 ? random.weighted<MaritalStatus | null>([["MARRIED", 2], ["SINGLE", 5], [null, 3]]) : random.chance(0.5) ? "SINGLE" : null;
    const score = random.pick(
      stage === "highSchool"
        ? ["托福85", "托福92", "雅思6.0", "雅思6.5", "尚未考语言"]
        : ["雅思6.5", "雅思7.0", "托福95", "托福102", "GRE 318", "尚未考语言"],
    );
    const schooling =
      stage === "highSchool" ? random.pick(["高一在读", "高二在读", "高三在读"]) : stage === "undergraduate" ? random.pick(["大二在读", "大三在读", "大四在读"]) : `工作${age - 22}年`;
    const intent = `${country ? `意向${label("COUNTRY", country)}` : "意向国家未定"}${label("PROGRAM", program)}`;
    const createdAt = new Date(now.getTime() - random.int(2, SPREAD_DAYS - 1) * DAY_MS - random.int(0, DAY_MS - 1));

    rows.push({
      name,
      phone,
      gender: hasIdCard || random.chance(0.85) ? gender : null,
      idCard,
      passport: random.chance(stage === "working" ? 0.4 : 0.2) ? uniques.draw("passport", () => `E${random.digits(8)}`) : null,
      birthDate: hasIdCard || random.chance(0.5) ? birth : null,
      nativePlace: hasIdCard ? region.place : null,
      countryId: ref("COUNTRY", country),
      major: random.chance(0.85) ? random.pick(MAJORS) : null,
      educationId: ref("EDUCATION", education),
      maritalStatus,
      employer: worker ? random.pick(EMPLOYERS) : random.pick(stage === "highSchool" ? city.highSchools : city.universities),
      position: worker ? random.pick(POSITIONS) : "学生",
      gradeId: ref("GRADE", random.weighted(GRADE_WEIGHTS)),
      qq,
      msn: random.chance(0.03) ? uniques.draw("msn", () => `${pinyin}${random.digits(2)}@hotmail.com`) : null,
      email,
      wechat: random.chance(0.7) ? uniques.draw("wechat", () => makeWechat(random, pinyin, birthYear)) : null,
      address: random.chance(0.4) ? makeAddress(random, city) : null,
      registrationId: ref("REGISTRATION", random.chance(0.9) ? random.pick(DICTIONARIES.REGISTRATION)[0] : undefined),
      mediaSourceId: ref("MEDIA_SOURCE", random.chance(0.85) ? random.pick(DICTIONARIES.MEDIA_SOURCE)[0] : undefined),
      intro: random.chance(0.6) ? `${schooling}，${score}，${intent}，预算每年${random.int(15, 60)}万元` : null,
      remark: random.chance(0.4) ? random.pick(REMARKS) : null,
      createdAt,
    });
  }
  return rows.map(normalizeKeys);
}

// Stored exactly as the app stores what a user types, so duplicate checks find seeded rows.
function normalizeKeys(row: Prospect): Prospect {
  return {
    ...row,
    phone: normalizePhone(row.phone),
    idCard: row.idCard ? normalizeIdNumber(row.idCard) : null,
    passport: row.passport ? normalizeIdNumber(row.passport) : null,
    email: row.email ? normalizeHandle(row.email) : null,
    wechat: row.wechat ? normalizeHandle(row.wechat) : null,
    updatedAt: row.createdAt,
  };
}

// Builds every owner's prospects (always all of them, so the data does not depend on which owners
// already had some), then inserts them only for owners who have none.
export async function seedProspects(
  db: PrismaClient,
  users: UserIds,
  dict: DictionaryIds,
  now = new Date(),
): Promise<{ owner: string; created: number }[]> {
  const uniques = new Uniques();
  const reserved = new Set<string>(DEMO_USERS.map((u) => u.name));
  for (const fixed of Object.values(FIXED)) {
    if (!fixed) continue;
    reserved.add(fixed.prospect.name);
    uniques.claim("phone", fixed.prospect.phone);
    if (fixed.prospect.wechat) uniques.claim("wechat", fixed.prospect.wechat);
  }
  const planned = PROSPECT_OWNERS.map((owner) => ({ owner, rows: buildOwnerProspects(owner, dict, now, uniques, reserved) }));

  const result: { owner: string; created: number }[] = [];
  for (const { owner, rows } of planned) {
    const ownerId = users.get(owner)!;
    if ((await db.customer.count({ where: { ownerId } })) > 0) {
      result.push({ owner, created: 0 });
      continue;
    }
    const count = await db.$transaction(async (tx) => {
      const created = await tx.customer.createManyAndReturn({
        data: rows.map((row) => ({ ...row, status: "PROSPECT" as const, ownerId, createdById: ownerId })),
        select: { id: true, phone: true },
      });
      // The owner entered each of them through 新建准客户. Phones are unique within the seed.
      const byPhone = new Map(rows.map((row) => [row.phone, row]));
      await writeSeedAudit(
        tx,
        created.map(({ id, phone }) => ({
          actorId: ownerId,
          action: "prospect.create",
          entity: "Customer",
          entityId: id,
          at: byPhone.get(phone)!.createdAt as Date,
          after: prospectFields(byPhone.get(phone)!),
        })),
      );
      return created.length;
    });
    result.push({ owner, created: count });
  }
  return result;
}

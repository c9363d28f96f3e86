import { describe, expect, it } from "vitest";
import { emptyProgramme } from "../../src/domain/model.js";
import { checkHeadRank, headRank } from "../../src/domain/rules/head-rank.js";
import { validateProgramme } from "../../src/domain/validate.js";

const HIGH_ENOUGH = [
  "Сільський голова Іван ПЕТРЕНКО",
  "міський голова",
  "Селищний голова Марія Коваль",
  "заступник міського голови з питань діяльності виконавчих органів ради Лілія ГОРОДЕЦЬКА",
  "Перший заступник сільського голови",
  "ЗАСТУПНИК СЕЛИЩНОГО ГОЛОВИ Олег Іванов",
  "Олена Приклад – заступник міського голови – керуючий справами виконавчого комітету",
  "Заступниця сільського голови з питань діяльності виконавчих органів",
  "виконувач обов’язків міського голови, секретар міської ради",
  "Голова Вербівської сільської ради",
  "Начальник Роменської міської військової адміністрації Сумського району Сумської області",
  "заступник начальника Херсонської міської військової адміністрації",
  "Перший заступник начальника міської військової адміністрації",
  "Петро Сидоренко, начальник селищної військової адміністрації",
  "Заступник голови з питань діяльності виконавчих органів",
  "перший заступник голови",
];

const TOO_LOW = [
  "Начальник відділу цифрового розвитку, Олена Приклад",
  "Керуючий справами (секретар) виконавчого комітету Слобожанської селищної ради Яна ХАБАРОВА",
  "Наталія ШАБЕЛЬНИК – керуючий справами виконавчого комітету міської ради",
  "Секретар міської ради",
  "секретар Вербівської сільської ради Оксана Мельник",
  "Начальниця управління економіки міської ради",
  "Директор департаменту цифрової трансформації",
  "завідувач сектору інформатизації апарату виконавчого комітету",
  "Заступник начальника відділу інформаційних технологій",
  "Староста Вишнівського старостинського округу",
  "Головний спеціаліст відділу організаційної роботи",
  "Начальник відділу цифрового розвитку міської військової адміністрації",
  "Голова постійної комісії з питань бюджету",
  "Керівник апарату виконавчого комітету",
  "Заступник голови постійної комісії з питань бюджету",
  "заступник голови районної державної адміністрації",
];

describe("passport.head-rank: the programme head is at least a deputy head (Res. 119 п. 3)", () => {
  it.each(HIGH_ENOUGH)("passes «%s»", (text) => {
    expect(headRank(text)).toBe("high");
  });

  it.each(TOO_LOW)("reports «%s»", (text) => {
    expect(headRank(text)).toBe("low");
  });

  it("says nothing when field 7 names no post", () => {
    expect(headRank("")).toBeNull();
    expect(headRank("Виконавчий комітет міської ради")).toBeNull();
  });

  it("is one error at passport field 7, saying the head must be at least a deputy head, in the validator", () => {
    const programme = emptyProgramme();
    programme.passport.fields.push({
      number: 7,
      label: "Керівник Програми",
      value: "Начальник відділу цифрового розвитку, Олена Приклад",
      line: 10,
    });
    const [found, ...rest] = checkHeadRank(programme);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ code: "passport.head-rank", severity: "error" });
    expect(found?.location).toEqual({ line: 10, ref: "passport:7" });
    expect(found?.message).toMatch(/Керівник програми.*не нижче заступника/);
    expect(validateProgramme(programme).filter((each) => each.code === "passport.head-rank")).toHaveLength(1);
    const field = programme.passport.fields[0];
    if (field) field.value = "Заступник сільського голови Олена Приклад";
    expect(checkHeadRank(programme)).toEqual([]);
  });
});

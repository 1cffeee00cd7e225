export declare const FINDING_TITLES: {
    readonly 'sheet.missing': {
        readonly zh: "缺少工作表";
        readonly en: "Missing sheet";
    };
    readonly 'sheet.extra': {
        readonly zh: "非标准工作表（已忽略）";
        readonly en: "Extra sheet (ignored)";
    };
    readonly 'header.missing': {
        readonly zh: "缺少必填列";
        readonly en: "Missing column";
    };
    readonly 'column.extra': {
        readonly zh: "非标准列（已忽略）";
        readonly en: "Extra column (ignored)";
    };
    readonly 'row.totals': {
        readonly zh: "合计行（已跳过）";
        readonly en: "Totals row (skipped)";
    };
    readonly required: {
        readonly zh: "必填项为空";
        readonly en: "Required value missing";
    };
    readonly 'text.invalid': {
        readonly zh: "文字不符合要求";
        readonly en: "Text not allowed";
    };
    readonly 'phone.invalid': {
        readonly zh: "手机号格式不对";
        readonly en: "Phone number not valid";
    };
    readonly 'enum.invalid': {
        readonly zh: "不是可选的值";
        readonly en: "Not one of the allowed values";
    };
    readonly 'date.invalid': {
        readonly zh: "日期无法识别";
        readonly en: "Date not recognised";
    };
    readonly 'date.range': {
        readonly zh: "日期超出范围";
        readonly en: "Date out of range";
    };
    readonly 'date.order': {
        readonly zh: "结束日期早于开始日期";
        readonly en: "End date before start date";
    };
    readonly 'number.invalid': {
        readonly zh: "不是数字";
        readonly en: "Not a number";
    };
    readonly 'number.range': {
        readonly zh: "数值超出范围";
        readonly en: "Number out of range";
    };
    readonly 'cell.error_value': {
        readonly zh: "单元格为错误值";
        readonly en: "Error value in cell";
    };
    readonly 'id_number.format': {
        readonly zh: "身份证号格式不对";
        readonly en: "ID number badly formed";
    };
    readonly 'id_number.legacy': {
        readonly zh: "15 位旧身份证号";
        readonly en: "Old 15-digit ID number";
    };
    readonly 'id_number.scientific': {
        readonly zh: "身份证号被 Excel 变成数字";
        readonly en: "ID number turned into a number by Excel";
    };
    readonly 'id_number.region': {
        readonly zh: "身份证号地区码不对";
        readonly en: "ID number region code wrong";
    };
    readonly 'id_number.birthdate': {
        readonly zh: "身份证号出生日期不对";
        readonly en: "ID number birth date wrong";
    };
    readonly 'id_number.checksum': {
        readonly zh: "身份证号校验位不对";
        readonly en: "ID number check character wrong";
    };
    readonly 'consistency.gender_id': {
        readonly zh: "性别与身份证号不符";
        readonly en: "Gender disagrees with the ID number";
    };
    readonly 'consistency.birthdate_id': {
        readonly zh: "出生日期与身份证号不符";
        readonly en: "Birth date disagrees with the ID number";
    };
    readonly 'duplicate.teacher': {
        readonly zh: "教师重复";
        readonly en: "Teacher listed twice";
    };
    readonly 'duplicate.training': {
        readonly zh: "培训记录重复";
        readonly en: "Training listed twice";
    };
    readonly 'duplicate.duty': {
        readonly zh: "履职记录重复";
        readonly en: "Duty record listed twice";
    };
    readonly 'reference.unknown_teacher': {
        readonly zh: "名册中没有该教师";
        readonly en: "Teacher not on the roster";
    };
    readonly 'reference.name_mismatch': {
        readonly zh: "姓名与名册不一致";
        readonly en: "Name differs from the roster";
    };
};
export declare const FIX_TITLES: {
    readonly 'fix.trim': {
        readonly zh: "去除多余空格和不可见字符";
        readonly en: "Spaces and invisible characters removed";
    };
    readonly 'fix.fullwidth': {
        readonly zh: "全角改为半角";
        readonly en: "Full-width characters made half-width";
    };
    readonly 'fix.unit': {
        readonly zh: "去掉数字后的单位";
        readonly en: "Unit after the number removed";
    };
    readonly 'fix.normalize': {
        readonly zh: "改为标准写法";
        readonly en: "Written in the standard form";
    };
};

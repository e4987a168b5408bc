/** What marks a CloudFormation template, in YAML or JSON: the version key, or resources typed `AWS::...`. */
const YAML_VERSION = /^AWSTemplateFormatVersion[ \t]*:/m;
const YAML_RESOURCES = /^Resources[ \t]*:/m;
const YAML_AWS_TYPE = /^[ \t]+Type[ \t]*:[ \t]*['"]?AWS::/m;
const JSON_VERSION = /"AWSTemplateFormatVersion"[ \t\r\n]*:/;
const JSON_AWS_TYPE = /"Type"[ \t\r\n]*:[ \t\r\n]*"AWS::/;

export function isJsonText(text: string): boolean {
  return /^[\s\uFEFF]*[{[]/.test(text);
}

export function isCloudFormationTemplate(text: string): boolean {
  if (isJsonText(text)) return JSON_VERSION.test(text) || (text.includes('"Resources"') && JSON_AWS_TYPE.test(text));
  return YAML_VERSION.test(text) || (YAML_RESOURCES.test(text) && YAML_AWS_TYPE.test(text));
}

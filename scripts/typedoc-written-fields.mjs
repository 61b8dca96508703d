// TypeDoc plugin: every field a person wrote in a public type must be documented.
//
// TypeDoc's `notDocumented` check covers every exported declaration, method and accessor (see
// `requiredToBeDocumented` in typedoc.json) but leaves properties out: with them in, it would also
// demand a comment on each of the ~11,000 expanded fields of the zod-inferred wire types (the same
// `id`, `type` and `status` once per item, per event, per nesting level). Those fields are the
// wire's own, named as on the wire and catalogued in docs/event-model.md. The fields written by
// hand are the library's own design, so this plugin holds them to the rule: a property whose
// declaration is a property signature (interface, type literal) or a class property in lib/,
// published through an entry point, without a doc comment is a validation warning, which
// typedoc.json turns into an error.
import ts from 'typescript';
import { Application, Converter, ReflectionKind } from 'typedoc';

/**
 * Whether the property belongs to an exported interface, class or type alias (through nested type
 * literals), not to the inline type of a parameter, type parameter or return value: those are
 * described by their function's `@param` and `@returns`, as TypeDoc's own check has it.
 */
function inDeclaredType(reflection) {
  for (let parent = reflection.parent; parent; parent = parent.parent) {
    if (parent.kindOf(ReflectionKind.TypeLiteral)) continue;
    return parent.kindOf(ReflectionKind.ClassOrInterface | ReflectionKind.TypeAlias);
  }
  return false;
}

/**
 * Whether the property is part of a type used as a pattern, not as the shape of a value: a type
 * argument (`Extract<E, { type: K }>`) or what a conditional type tests (`O extends { a: 1 } ? ...`).
 */
function isPattern(node) {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isTypeReferenceNode(parent) && parent.typeArguments?.includes(child)) return true;
    if (ts.isConditionalTypeNode(parent) && parent.extendsType === child) return true;
    if (ts.isTypeAliasDeclaration(parent) || ts.isInterfaceDeclaration(parent)) return false;
  }
  return false;
}

/** @param {Application} app */
export function load(app) {
  /** Reflection ids of properties declared by hand in lib/. */
  const written = new Set();
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Property)) return;
    const declaration = context.getSymbolFromReflection(reflection)?.declarations?.[0];
    if (!declaration || !/[\\/]lib[\\/]/.test(declaration.getSourceFile().fileName)) return;
    if (
      (ts.isPropertySignature(declaration) || ts.isPropertyDeclaration(declaration)) &&
      !isPattern(declaration)
    ) {
      written.add(reflection.id);
    }
  });
  app.on(Application.EVENT_VALIDATE_PROJECT, (project) => {
    for (const reflection of project.getReflectionsByKind(ReflectionKind.Property)) {
      if (!written.has(reflection.id) || reflection.hasComment() || reflection.inheritedFrom)
        continue;
      if (!inDeclaredType(reflection)) continue;
      const source = reflection.sources?.[0];
      const where = source ? ` (${source.fileName}:${source.line})` : '';
      app.logger.validationWarning(
        `${reflection.getFriendlyFullName()}${where}, a field written in lib/, does not have any documentation`,
      );
    }
  });
}

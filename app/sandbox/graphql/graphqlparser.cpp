#include "graphqlparser.h"

namespace Ledgerdesk::Sandbox {

namespace {

// Parse failures unwind to parse() and never leave this file.
struct ParseFailure
{
    GqlError error;
};

constexpr int kMaxDepth = 30;

} // namespace

QJsonObject GqlError::toJson() const
{
    QJsonObject out{{QStringLiteral("message"), message}};
    if (at) {
        out.insert(QStringLiteral("locations"),
                   QJsonArray{QJsonObject{{QStringLiteral("line"), at->line},
                                          {QStringLiteral("column"), at->column}}});
    }
    if (!path.isEmpty()) {
        out.insert(QStringLiteral("path"), path);
    }
    if (!code.isEmpty()) {
        out.insert(QStringLiteral("extensions"), QJsonObject{{QStringLiteral("code"), code}});
    }
    return out;
}

const GqlDirective *GqlField::directive(const QString &directiveName) const
{
    for (const GqlDirective &d : directives) {
        if (d.name == directiveName) {
            return &d;
        }
    }
    return nullptr;
}

const GqlValue *GqlField::argument(const QString &argumentName) const
{
    for (const auto &[name, value] : arguments) {
        if (name == argumentName) {
            return &value;
        }
    }
    return nullptr;
}

GraphQlParser::GraphQlParser(const QString &text)
    : m_text(text)
{}

std::variant<GqlDocument, GqlError> GraphQlParser::parse(const QString &text)
{
    GraphQlParser parser(text);
    try {
        parser.advance();
        return parser.document();
    } catch (const ParseFailure &failure) {
        return failure.error;
    }
}

void GraphQlParser::failAt(const QString &message, GqlLocation at)
{
    throw ParseFailure{GqlError{message, at, QStringLiteral("PARSE_ERROR"), {}}};
}

void GraphQlParser::fail(const QString &message)
{
    failAt(message, m_token.at);
}

bool GraphQlParser::isPunct(QStringView p) const
{
    return m_token.kind == Token::Kind::Punct && m_token.text == p;
}

bool GraphQlParser::isName(QStringView n) const
{
    return m_token.kind == Token::Kind::Name && m_token.text == n;
}

void GraphQlParser::expectPunct(QStringView p)
{
    if (!isPunct(p)) {
        fail(QStringLiteral("Parse error on \"%1\": expected \"%2\"")
                 .arg(m_token.kind == Token::Kind::End ? QStringLiteral("end of document")
                                                       : m_token.text,
                      p.toString()));
    }
    advance();
}

QString GraphQlParser::expectName()
{
    if (m_token.kind != Token::Kind::Name) {
        fail(QStringLiteral("Parse error on \"%1\": expected a name")
                 .arg(m_token.kind == Token::Kind::End ? QStringLiteral("end of document")
                                                       : m_token.text));
    }
    QString name = m_token.text;
    advance();
    return name;
}

GqlDocument GraphQlParser::document()
{
    GqlDocument doc;
    if (m_token.kind == Token::Kind::End) {
        fail(QStringLiteral("The document is empty"));
    }
    while (m_token.kind != Token::Kind::End) {
        if (isName(u"fragment")) {
            const GqlLocation at = m_token.at;
            advance();
            const QString name = expectName();
            if (!isName(u"on")) {
                fail(QStringLiteral("Parse error: expected \"on\" after fragment %1").arg(name));
            }
            advance();
            Fragment fragment;
            fragment.typeCondition = expectName();
            fragment.selections = selectionSet();
            if (m_fragments.contains(name)) {
                failAt(QStringLiteral("Fragment %1 is defined more than once").arg(name), at);
            }
            m_fragments.insert(name, fragment);
        } else {
            doc.operations.push_back(operation());
        }
    }
    if (doc.operations.empty()) {
        fail(QStringLiteral("The document defines no operation"));
    }
    for (GqlOperation &op : doc.operations) {
        expandFragments(op.selections, 0);
    }
    return doc;
}

void GraphQlParser::expandFragments(std::vector<GqlField> &fields, int depth)
{
    if (depth > kMaxDepth) {
        failAt(QStringLiteral("The document nests deeper than %1 levels").arg(kMaxDepth),
               fields.empty() ? GqlLocation{} : fields.front().at);
    }
    for (GqlField &field : fields) {
        if (field.isFragment() && field.typeCondition.startsWith(u'.')) {
            const QString name = field.typeCondition.mid(1);
            const auto it = m_fragments.constFind(name);
            if (it == m_fragments.constEnd()) {
                failAt(QStringLiteral("Fragment %1 was used, but not defined").arg(name), field.at);
            }
            field.typeCondition = it->typeCondition;
            field.selections = it->selections;
        }
        expandFragments(field.selections, depth + 1);
    }
}

GqlOperation GraphQlParser::operation()
{
    GqlOperation op;
    op.at = m_token.at;
    if (isPunct(u"{")) {
        op.selections = selectionSet();
        return op;
    }
    if (!isName(u"query") && !isName(u"mutation") && !isName(u"subscription")) {
        fail(QStringLiteral("Parse error on \"%1\": expected query, mutation or {")
                 .arg(m_token.text));
    }
    op.kind = m_token.text;
    advance();
    if (m_token.kind == Token::Kind::Name) {
        op.name = expectName();
    }
    if (isPunct(u"(")) {
        advance();
        while (!isPunct(u")")) {
            GqlVariableDefinition def;
            def.at = m_token.at;
            expectPunct(u"$");
            def.name = expectName();
            expectPunct(u":");
            def.type = typeReference();
            if (isPunct(u"=")) {
                advance();
                def.defaultValue = value(true);
            }
            directives();
            op.variables.push_back(def);
        }
        advance();
    }
    directives();
    op.selections = selectionSet();
    return op;
}

QString GraphQlParser::typeReference()
{
    QString type;
    if (isPunct(u"[")) {
        advance();
        type = u'[' + typeReference() + u']';
        expectPunct(u"]");
    } else {
        type = expectName();
    }
    if (isPunct(u"!")) {
        advance();
        type += u'!';
    }
    return type;
}

std::vector<GqlField> GraphQlParser::selectionSet()
{
    if (++m_depth > kMaxDepth) {
        fail(QStringLiteral("The document nests deeper than %1 levels").arg(kMaxDepth));
    }
    expectPunct(u"{");
    std::vector<GqlField> fields;
    while (!isPunct(u"}")) {
        if (m_token.kind == Token::Kind::End) {
            fail(QStringLiteral("Parse error on end of document: expected \"}\""));
        }
        fields.push_back(selection());
    }
    advance();
    --m_depth;
    if (fields.empty()) {
        fail(QStringLiteral("A selection set must select at least one field"));
    }
    return fields;
}

GqlField GraphQlParser::selection()
{
    GqlField field;
    field.at = m_token.at;
    if (isPunct(u"...")) {
        advance();
        if (isName(u"on")) {
            advance();
            field.typeCondition = expectName();
        } else if (m_token.kind == Token::Kind::Name) {
            field.typeCondition = u'.' + expectName(); // resolved once every fragment is known
            field.directives = directives();
            return field;
        }
        field.directives = directives();
        field.selections = selectionSet();
        return field;
    }
    field.name = expectName();
    if (isPunct(u":")) {
        advance();
        field.alias = field.name;
        field.name = expectName();
    }
    if (isPunct(u"(")) {
        field.arguments = arguments(false);
    }
    field.directives = directives();
    if (isPunct(u"{")) {
        field.selections = selectionSet();
    }
    return field;
}

GqlArguments GraphQlParser::arguments(bool isConst)
{
    expectPunct(u"(");
    GqlArguments args;
    while (!isPunct(u")")) {
        const QString name = expectName();
        expectPunct(u":");
        args.emplace_back(name, value(isConst));
    }
    advance();
    return args;
}

std::vector<GqlDirective> GraphQlParser::directives()
{
    std::vector<GqlDirective> list;
    while (isPunct(u"@")) {
        GqlDirective d;
        d.at = m_token.at;
        advance();
        d.name = expectName();
        if (isPunct(u"(")) {
            d.arguments = arguments(false);
        }
        list.push_back(d);
    }
    return list;
}

GqlValue GraphQlParser::value(bool isConst)
{
    GqlValue v;
    v.at = m_token.at;
    switch (m_token.kind) {
    case Token::Kind::Int:
        v.kind = GqlValue::Kind::Int;
        v.text = m_token.text;
        advance();
        return v;
    case Token::Kind::Float:
        v.kind = GqlValue::Kind::Float;
        v.text = m_token.text;
        advance();
        return v;
    case Token::Kind::String:
        v.kind = GqlValue::Kind::String;
        v.text = m_token.text;
        advance();
        return v;
    case Token::Kind::Name:
        v.text = m_token.text;
        v.kind = v.text == u"true" || v.text == u"false" ? GqlValue::Kind::Boolean
                 : v.text == u"null"                     ? GqlValue::Kind::Null
                                                         : GqlValue::Kind::Enum;
        advance();
        return v;
    case Token::Kind::Punct:
        break;
    case Token::Kind::End:
        fail(QStringLiteral("Parse error on end of document: expected a value"));
    }
    if (isPunct(u"$")) {
        if (isConst) {
            fail(QStringLiteral("Variables are not allowed here"));
        }
        advance();
        v.kind = GqlValue::Kind::Variable;
        v.text = expectName();
        return v;
    }
    if (m_depth > kMaxDepth) {
        fail(QStringLiteral("The document nests deeper than %1 levels").arg(kMaxDepth));
    }
    if (isPunct(u"[")) {
        ++m_depth;
        advance();
        v.kind = GqlValue::Kind::List;
        while (!isPunct(u"]")) {
            if (m_token.kind == Token::Kind::End) {
                fail(QStringLiteral("Parse error on end of document: expected \"]\""));
            }
            v.items.push_back(value(isConst));
        }
        advance();
        --m_depth;
        return v;
    }
    if (isPunct(u"{")) {
        ++m_depth;
        advance();
        v.kind = GqlValue::Kind::Object;
        while (!isPunct(u"}")) {
            const QString name = expectName();
            expectPunct(u":");
            v.fields.emplace_back(name, value(isConst));
        }
        advance();
        --m_depth;
        return v;
    }
    fail(QStringLiteral("Parse error on \"%1\": expected a value").arg(m_token.text));
}

} // namespace Ledgerdesk::Sandbox

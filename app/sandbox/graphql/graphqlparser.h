#pragma once

#include "graphqldocument.h"

#include <core/error.h>

#include <variant>

namespace Ledgerdesk::Sandbox {

// A hand-written parser for GraphQL executable documents: operations with variables,
// fields with aliases, arguments and directives, inline fragments and named fragments.
class GraphQlParser final
{
public:
    static std::variant<GqlDocument, GqlError> parse(const QString &text);

private:
    struct Token
    {
        enum class Kind { End, Punct, Name, Int, Float, String };
        Kind kind = Kind::End;
        QString text;
        GqlLocation at;
    };

    struct Fragment
    {
        QString typeCondition;
        std::vector<GqlField> selections;
    };

    explicit GraphQlParser(const QString &text);

    void advance();
    bool isPunct(QStringView p) const;
    bool isName(QStringView n) const;
    void expectPunct(QStringView p);
    QString expectName();
    [[noreturn]] void fail(const QString &message);
    [[noreturn]] void failAt(const QString &message, GqlLocation at);

    GqlDocument document();
    GqlOperation operation();
    std::vector<GqlField> selectionSet();
    GqlField selection();
    GqlArguments arguments(bool isConst);
    std::vector<GqlDirective> directives();
    GqlValue value(bool isConst);
    QString typeReference();
    void readString(Token &token);
    void readNumber(Token &token);
    void expandFragments(std::vector<GqlField> &fields, int depth);

    QString m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    qsizetype m_lineStart = 0;
    Token m_token;
    int m_depth = 0;
    QHash<QString, Fragment> m_fragments;
};

} // namespace Ledgerdesk::Sandbox

// GraphQlParser: the lexer, one token at a time with line and column.
#include "graphqlparser.h"

namespace Ledgerdesk::Sandbox {

namespace {

bool isNameStart(QChar c)
{
    return c == u'_' || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9');
}

} // namespace

void GraphQlParser::advance()
{
    // Skip whitespace, commas (insignificant in GraphQL) and comments.
    while (m_pos < m_text.size()) {
        const QChar c = m_text.at(m_pos);
        if (c == u'\n') {
            ++m_line;
            m_lineStart = ++m_pos;
        } else if (c == u' ' || c == u'\t' || c == u'\r' || c == u',' || c == QChar(0xFEFF)) {
            ++m_pos;
        } else if (c == u'#') {
            while (m_pos < m_text.size() && m_text.at(m_pos) != u'\n') {
                ++m_pos;
            }
        } else {
            break;
        }
    }
    m_token = Token{};
    m_token.at = GqlLocation{m_line, int(m_pos - m_lineStart) + 1};
    if (m_pos >= m_text.size()) {
        return;
    }
    const QChar c = m_text.at(m_pos);
    if (c == u'.' && m_text.mid(m_pos, 3) == u"...") {
        m_token.kind = Token::Kind::Punct;
        m_token.text = QStringLiteral("...");
        m_pos += 3;
    } else if (QStringLiteral("!$&()=:@[]{}|").contains(c)) {
        m_token.kind = Token::Kind::Punct;
        m_token.text = c;
        ++m_pos;
    } else if (isNameStart(c)) {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && isNameChar(m_text.at(m_pos))) {
            ++m_pos;
        }
        m_token.kind = Token::Kind::Name;
        m_token.text = m_text.mid(start, m_pos - start);
    } else if (c == u'-' || c.isDigit()) {
        readNumber(m_token);
    } else if (c == u'"') {
        readString(m_token);
    } else {
        fail(QStringLiteral("Parse error on \"%1\"").arg(c));
    }
}

void GraphQlParser::readNumber(Token &token)
{
    const qsizetype start = m_pos;
    bool isFloat = false;
    if (m_text.at(m_pos) == u'-') {
        ++m_pos;
    }
    while (m_pos < m_text.size()) {
        const QChar c = m_text.at(m_pos);
        if (c.isDigit()) {
            ++m_pos;
        } else if (c == u'.' || c == u'e' || c == u'E' || ((c == u'+' || c == u'-') && isFloat)) {
            isFloat = true;
            ++m_pos;
        } else {
            break;
        }
    }
    token.text = m_text.mid(start, m_pos - start);
    token.kind = isFloat ? Token::Kind::Float : Token::Kind::Int;
    if (token.text == u"-") {
        fail(QStringLiteral("Parse error on \"-\""));
    }
}

void GraphQlParser::readString(Token &token)
{
    token.kind = Token::Kind::String;
    if (m_text.mid(m_pos, 3) == u"\"\"\"") {
        const qsizetype end = m_text.indexOf(QStringLiteral("\"\"\""), m_pos + 3);
        if (end < 0) {
            fail(QStringLiteral("Unterminated string"));
        }
        token.text = m_text.mid(m_pos + 3, end - m_pos - 3).trimmed();
        for (qsizetype i = m_pos; i < end; ++i) {
            if (m_text.at(i) == u'\n') {
                ++m_line;
                m_lineStart = i + 1;
            }
        }
        m_pos = end + 3;
        return;
    }
    ++m_pos;
    QString out;
    while (true) {
        if (m_pos >= m_text.size() || m_text.at(m_pos) == u'\n') {
            fail(QStringLiteral("Unterminated string"));
        }
        const QChar c = m_text.at(m_pos++);
        if (c == u'"') {
            break;
        }
        if (c != u'\\') {
            out += c;
            continue;
        }
        if (m_pos >= m_text.size()) {
            fail(QStringLiteral("Unterminated string"));
        }
        const QChar e = m_text.at(m_pos++);
        switch (e.unicode()) {
        case 'n':
            out += u'\n';
            break;
        case 't':
            out += u'\t';
            break;
        case 'r':
            out += u'\r';
            break;
        case 'b':
            out += u'\b';
            break;
        case 'f':
            out += u'\f';
            break;
        case 'u': {
            bool ok = false;
            const uint code = m_text.mid(m_pos, 4).toUInt(&ok, 16);
            if (!ok || m_pos + 4 > m_text.size()) {
                fail(QStringLiteral("Bad unicode escape in string"));
            }
            out += QChar(char16_t(code));
            m_pos += 4;
            break;
        }
        case '"':
        case '\\':
        case '/':
            out += e;
            break;
        default:
            fail(QStringLiteral("Bad escape \\%1 in string").arg(e));
        }
    }
    token.text = out;
}

} // namespace Ledgerdesk::Sandbox

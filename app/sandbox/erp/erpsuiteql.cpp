#include "erpsuiteql.h"

#include <QDateTime>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace Ledgerdesk::Sandbox {

namespace {

const QStringList &dateColumns()
{
    static const QStringList columns = {
        QStringLiteral("lastmodifieddate"), QStringLiteral("trandate"), QStringLiteral("duedate")};
    return columns;
}

QStringList columnsOf(const QString &table)
{
    if (table == u"inventoryitemlocations") {
        return {QStringLiteral("item"),
                QStringLiteral("location"),
                QStringLiteral("quantityonhand"),
                QStringLiteral("quantityavailable"),
                QStringLiteral("quantitycommitted"),
                QStringLiteral("quantityonorder"),
                QStringLiteral("quantityintransit"),
                QStringLiteral("lastmodifieddate")};
    }
    if (table == u"item") {
        return {QStringLiteral("id"),
                QStringLiteral("itemid"),
                QStringLiteral("displayname"),
                QStringLiteral("upccode"),
                QStringLiteral("baseprice"),
                QStringLiteral("isinactive"),
                QStringLiteral("lastmodifieddate")};
    }
    if (table == u"customer") {
        return {QStringLiteral("id"),
                QStringLiteral("entityid"),
                QStringLiteral("companyname"),
                QStringLiteral("email"),
                QStringLiteral("terms"),
                QStringLiteral("currency"),
                QStringLiteral("pricelevel"),
                QStringLiteral("lastmodifieddate")};
    }
    if (table == u"transaction") {
        return {QStringLiteral("id"),
                QStringLiteral("tranid"),
                QStringLiteral("type"),
                QStringLiteral("entity"),
                QStringLiteral("trandate"),
                QStringLiteral("duedate"),
                QStringLiteral("status"),
                QStringLiteral("currency"),
                QStringLiteral("foreigntotal"),
                QStringLiteral("foreignamountremaining"),
                QStringLiteral("createdfrom"),
                QStringLiteral("lastmodifieddate")};
    }
    if (table == u"location") {
        return {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("fullname")};
    }
    if (table == u"pricing") {
        return {QStringLiteral("item"),
                QStringLiteral("pricelevel"),
                QStringLiteral("currency"),
                QStringLiteral("unitprice")};
    }
    return {};
}

QString refIdOf(const QJsonObject &record, const QString &field)
{
    return record.value(field).toObject().value(QStringLiteral("id")).toString();
}

QString refNameOf(const QJsonObject &record, const QString &field)
{
    return record.value(field).toObject().value(QStringLiteral("refName")).toString();
}

std::optional<QDateTime> parseDate(const QString &text)
{
    for (const Qt::DateFormat format : {Qt::ISODateWithMs, Qt::ISODate}) {
        QDateTime parsed = QDateTime::fromString(text, format);
        if (parsed.isValid()) {
            if (parsed.timeSpec() == Qt::LocalTime) {
                parsed.setTimeSpec(Qt::UTC);
            }
            return parsed.toUTC();
        }
    }
    QDateTime spaced = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (spaced.isValid()) {
        spaced.setTimeSpec(Qt::UTC);
        return spaced;
    }
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (day.isValid()) {
        return day.startOfDay(Qt::UTC);
    }
    return std::nullopt;
}

// -1, 0, 1; nullopt when the two cannot be compared.
std::optional<int> compare(const QString &column, const QJsonValue &value, const QString &literal)
{
    if (dateColumns().contains(column)) {
        const std::optional<QDateTime> left = parseDate(value.toString());
        const std::optional<QDateTime> right = parseDate(literal);
        if (!left || !right) {
            return std::nullopt;
        }
        return *left < *right ? -1 : (*left == *right ? 0 : 1);
    }
    bool leftNumeric = false;
    bool rightNumeric = false;
    const double left
        = value.isDouble() ? value.toDouble() : value.toString().toDouble(&leftNumeric);
    leftNumeric = leftNumeric || value.isDouble();
    const double right = literal.toDouble(&rightNumeric);
    if (leftNumeric && rightNumeric) {
        return left < right ? -1 : (left == right ? 0 : 1);
    }
    const QString text = value.isDouble() ? QString::number(value.toDouble()) : value.toString();
    const int order = text.compare(literal);
    return order < 0 ? -1 : (order == 0 ? 0 : 1);
}

bool holds(int order, const QString &op)
{
    if (op == u"=") {
        return order == 0;
    }
    if (op == u"!=" || op == u"<>") {
        return order != 0;
    }
    if (op == u"<") {
        return order < 0;
    }
    if (op == u"<=") {
        return order <= 0;
    }
    if (op == u">") {
        return order > 0;
    }
    return order >= 0;
}

struct Condition
{
    QString column;
    QString op;
    QString literal;
};

} // namespace

ErpSuiteQl::ErpSuiteQl(const ErpRecords &records)
    : m_records(records)
{}

QStringList ErpSuiteQl::tables()
{
    return {QStringLiteral("inventoryitemlocations"),
            QStringLiteral("item"),
            QStringLiteral("customer"),
            QStringLiteral("transaction"),
            QStringLiteral("location"),
            QStringLiteral("pricing")};
}

ErpQueryResult ErpSuiteQl::run(const QString &query) const
{
    static const QRegularExpression shape(
        QStringLiteral(R"(^\s*SELECT\s+(.+?)\s+FROM\s+([A-Za-z_]+)(?:\s+WHERE\s+(.+?))?)"
                       R"((?:\s+ORDER\s+BY\s+([A-Za-z_]+)(?:\s+(ASC|DESC))?)?\s*;?\s*$)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression conditionShape(QStringLiteral(
        R"(^\s*([A-Za-z_]+)\s*(<=|>=|<>|!=|=|<|>)\s*('(?:[^']|'')*'|-?[0-9]+(?:\.[0-9]+)?)\s*$)"));
    static const QRegularExpression andSplit(QStringLiteral(R"(\s+AND\s+)"),
                                             QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = shape.match(query);
    if (!match.hasMatch()) {
        return {{}, tr("Only SELECT … FROM … [WHERE …] [ORDER BY …] queries are supported.")};
    }
    const QString table = match.captured(2).toLower();
    const QStringList known = columnsOf(table);
    if (known.isEmpty()) {
        return {{}, tr("Unknown table %1; known tables: %2.").arg(table, tables().join(u", "))};
    }
    QStringList selected;
    if (match.captured(1).trimmed() == u"*") {
        selected = known;
    } else {
        for (const QString &column : match.captured(1).split(u',')) {
            const QString name = column.trimmed().toLower();
            if (!known.contains(name)) {
                return {{}, tr("Unknown column %1 in table %2.").arg(column.trimmed(), table)};
            }
            selected << name;
        }
    }
    QList<Condition> conditions;
    if (match.hasCaptured(3) && !match.captured(3).isEmpty()) {
        for (const QString &part : match.captured(3).split(andSplit)) {
            const QRegularExpressionMatch cond = conditionShape.match(part);
            if (!cond.hasMatch()) {
                return {{}, tr("Unsupported condition: %1").arg(part.trimmed())};
            }
            const QString column = cond.captured(1).toLower();
            if (!known.contains(column)) {
                return {{}, tr("Unknown column %1 in table %2.").arg(cond.captured(1), table)};
            }
            QString literal = cond.captured(3);
            if (literal.startsWith(u'\'')) {
                literal = literal.mid(1, literal.size() - 2)
                              .replace(QStringLiteral("''"), QStringLiteral("'"));
                if (dateColumns().contains(column) && !parseDate(literal)) {
                    return {{}, tr("'%1' is not a date or timestamp.").arg(literal)};
                }
            }
            conditions.append({column, cond.captured(2), literal});
        }
    }
    const QString orderColumn = match.captured(4).toLower();
    if (!orderColumn.isEmpty() && !known.contains(orderColumn)) {
        return {{}, tr("Unknown column %1 in ORDER BY.").arg(match.captured(4))};
    }

    QList<QJsonObject> matching;
    for (const QJsonValue &value : tableRows(table)) {
        const QJsonObject row = value.toObject();
        bool keep = true;
        for (const Condition &condition : conditions) {
            const std::optional<int> order
                = compare(condition.column, row.value(condition.column), condition.literal);
            if (!order || !holds(*order, condition.op)) {
                keep = false;
                break;
            }
        }
        if (keep) {
            matching.append(row);
        }
    }
    if (!orderColumn.isEmpty()) {
        const bool descending = match.captured(5).compare(u"DESC", Qt::CaseInsensitive) == 0;
        std::stable_sort(
            matching.begin(), matching.end(), [&](const QJsonObject &a, const QJsonObject &b) {
                const QJsonValue right = b.value(orderColumn);
                const std::optional<int> order = compare(
                    orderColumn,
                    a.value(orderColumn),
                    right.isDouble() ? QString::number(right.toDouble()) : right.toString());
                return order && (descending ? *order > 0 : *order < 0);
            });
    }
    ErpQueryResult result;
    for (const QJsonObject &row : matching) {
        QJsonObject out{{QStringLiteral("links"), QJsonArray()}};
        for (const QString &column : selected) {
            out.insert(column, row.value(column));
        }
        result.rows.append(out);
    }
    return result;
}

QJsonArray ErpSuiteQl::tableRows(const QString &table) const
{
    QJsonArray rows;
    if (table == u"inventoryitemlocations") {
        for (const ErpItemLocation &row : m_records.itemLocations()) {
            rows.append(QJsonObject{{QStringLiteral("item"), QString::number(row.item)},
                                    {QStringLiteral("location"), QString::number(row.location)},
                                    {QStringLiteral("quantityonhand"), row.onHand},
                                    {QStringLiteral("quantityavailable"), row.available()},
                                    {QStringLiteral("quantitycommitted"), row.committed},
                                    {QStringLiteral("quantityonorder"), row.onOrder},
                                    {QStringLiteral("quantityintransit"), row.inTransit},
                                    {QStringLiteral("lastmodifieddate"), row.lastModified}});
        }
    } else if (table == u"item") {
        for (const QJsonObject &r : m_records.records(QStringLiteral("inventoryItem"))) {
            rows.append(QJsonObject{
                {QStringLiteral("id"), r.value(QStringLiteral("id"))},
                {QStringLiteral("itemid"), r.value(QStringLiteral("itemId"))},
                {QStringLiteral("displayname"), r.value(QStringLiteral("displayName"))},
                {QStringLiteral("upccode"), r.value(QStringLiteral("upcCode"))},
                {QStringLiteral("baseprice"), r.value(QStringLiteral("basePrice"))},
                {QStringLiteral("isinactive"),
                 r.value(QStringLiteral("isInactive")).toBool() ? QStringLiteral("T")
                                                                : QStringLiteral("F")},
                {QStringLiteral("lastmodifieddate"), r.value(QStringLiteral("lastModifiedDate"))}});
        }
    } else if (table == u"customer") {
        for (const QJsonObject &r : m_records.records(QStringLiteral("customer"))) {
            rows.append(QJsonObject{
                {QStringLiteral("id"), r.value(QStringLiteral("id"))},
                {QStringLiteral("entityid"), r.value(QStringLiteral("entityId"))},
                {QStringLiteral("companyname"), r.value(QStringLiteral("companyName"))},
                {QStringLiteral("email"), r.value(QStringLiteral("email"))},
                {QStringLiteral("terms"), refNameOf(r, QStringLiteral("terms"))},
                {QStringLiteral("currency"), refNameOf(r, QStringLiteral("currency"))},
                {QStringLiteral("pricelevel"), refNameOf(r, QStringLiteral("priceLevel"))},
                {QStringLiteral("lastmodifieddate"), r.value(QStringLiteral("lastModifiedDate"))}});
        }
    } else if (table == u"transaction") {
        const QList<QPair<QString, QString>> kinds
            = {{QStringLiteral("salesOrder"), QStringLiteral("SalesOrd")},
               {QStringLiteral("invoice"), QStringLiteral("CustInvc")},
               {QStringLiteral("customerPayment"), QStringLiteral("CustPymt")}};
        for (const auto &[type, code] : kinds) {
            for (const QJsonObject &r : m_records.records(type)) {
                const bool payment = type == u"customerPayment";
                rows.append(QJsonObject{
                    {QStringLiteral("id"), r.value(QStringLiteral("id"))},
                    {QStringLiteral("tranid"), r.value(QStringLiteral("tranId"))},
                    {QStringLiteral("type"), code},
                    {QStringLiteral("entity"),
                     refIdOf(r, payment ? QStringLiteral("customer") : QStringLiteral("entity"))},
                    {QStringLiteral("trandate"), r.value(QStringLiteral("tranDate"))},
                    {QStringLiteral("duedate"), r.value(QStringLiteral("dueDate"))},
                    {QStringLiteral("status"), r.value(QStringLiteral("status"))},
                    {QStringLiteral("currency"), refNameOf(r, QStringLiteral("currency"))},
                    {QStringLiteral("foreigntotal"),
                     r.value(payment ? QStringLiteral("payment") : QStringLiteral("total"))},
                    {QStringLiteral("foreignamountremaining"),
                     r.value(QStringLiteral("amountRemaining"))},
                    {QStringLiteral("createdfrom"), refIdOf(r, QStringLiteral("createdFrom"))},
                    {QStringLiteral("lastmodifieddate"),
                     r.value(QStringLiteral("lastModifiedDate"))}});
            }
        }
    } else if (table == u"location") {
        for (const QJsonObject &r : m_records.records(QStringLiteral("location"))) {
            rows.append(
                QJsonObject{{QStringLiteral("id"), r.value(QStringLiteral("id"))},
                            {QStringLiteral("name"), r.value(QStringLiteral("name"))},
                            {QStringLiteral("fullname"), r.value(QStringLiteral("fullName"))}});
        }
    } else if (table == u"pricing") {
        for (const QJsonObject &r : m_records.records(QStringLiteral("itemPrice"))) {
            rows.append(QJsonObject{
                {QStringLiteral("item"), refIdOf(r, QStringLiteral("item"))},
                {QStringLiteral("pricelevel"), refIdOf(r, QStringLiteral("priceLevel"))},
                {QStringLiteral("currency"), refNameOf(r, QStringLiteral("currency"))},
                {QStringLiteral("unitprice"), r.value(QStringLiteral("price"))}});
        }
    }
    return rows;
}

} // namespace Ledgerdesk::Sandbox

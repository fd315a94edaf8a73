#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

namespace Ledgerdesk::Sandbox {

struct ErpPage
{
    qint64 limit = 1000;
    qint64 offset = 0;
    QString error; // empty when limit and offset are valid
};

// `limit`/`offset` paging shared by record lists and SuiteQL, with NetSuite's envelope.
class ErpPaging final
{
    Q_DECLARE_TR_FUNCTIONS(ErpPaging)

public:
    static constexpr qint64 kMaxLimit = 1000;

    static ErpPage read(const QUrlQuery &query);
    // {"links":[...],"count","hasMore","items","offset","totalResults"} for one page of `all`.
    static QJsonObject envelope(const QJsonArray &all, const ErpPage &page, const QString &href);
    static QJsonObject link(const QString &rel, const QString &href);
};

} // namespace Ledgerdesk::Sandbox

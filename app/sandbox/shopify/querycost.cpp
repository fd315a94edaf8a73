#include "querycost.h"

#include <QJsonArray>

#include <algorithm>

namespace Ledgerdesk::Sandbox {

double QueryCost::requested(const GqlOperation &operation, const GqlContext &context)
{
    if (operation.kind == u"mutation") {
        return 10.0 * double(operation.selections.size());
    }
    return std::max(1.0, selectionCost(operation.selections, context));
}

double QueryCost::selectionCost(const std::vector<GqlField> &fields, const GqlContext &context)
{
    double total = 0;
    for (const GqlField &field : fields) {
        if (field.isFragment()) {
            total += selectionCost(field.selections, context);
            continue;
        }
        if (field.selections.empty()) {
            continue;
        }
        const QJsonObject args = context.arguments(field);
        const QJsonValue page = args.contains(QStringLiteral("first"))
                                    ? args.value(QStringLiteral("first"))
                                    : args.value(QStringLiteral("last"));
        if (page.isDouble()) {
            double nodeCost = 0;
            for (const GqlField &sub : field.selections) {
                if (sub.name == u"nodes" || sub.name == u"edges") {
                    nodeCost = std::max(nodeCost, selectionCost(sub.selections, context));
                }
            }
            total += 2 + std::clamp(page.toDouble(), 0.0, 1e6) * std::max(1.0, nodeCost);
        } else if (field.name == u"nodes" || field.name == u"edges" || field.name == u"node") {
            total += selectionCost(field.selections, context);
        } else if (field.name != u"pageInfo") {
            total += 1 + selectionCost(field.selections, context);
        }
    }
    return total;
}

double QueryCost::countObjects(const QJsonValue &value)
{
    double count = 0;
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        count += 1;
        for (auto it = o.begin(); it != o.end(); ++it) {
            count += countObjects(it.value());
        }
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray()) {
            count += countObjects(v);
        }
    }
    return count;
}

double QueryCost::actual(const QJsonObject &data, double requested)
{
    return std::clamp(countObjects(data), 1.0, requested);
}

} // namespace Ledgerdesk::Sandbox

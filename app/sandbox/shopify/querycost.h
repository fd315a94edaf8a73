#pragma once

#include "../graphql/gqlcontext.h"

namespace Ledgerdesk::Sandbox {

// Shopify's cost model: scalars 0, objects 1, connections 2 + first × the cost of a node,
// mutations 10. The actual cost counts what came back instead of what could have.
class QueryCost final
{
public:
    static double requested(const GqlOperation &operation, const GqlContext &context);
    static double actual(const QJsonObject &data, double requested);

private:
    static double selectionCost(const std::vector<GqlField> &fields, const GqlContext &context);
    static double countObjects(const QJsonValue &value);
};

} // namespace Ledgerdesk::Sandbox

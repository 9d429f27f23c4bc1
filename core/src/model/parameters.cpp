#include "shufflescope/model/parameters.h"

#include <cassert>
#include <set>

#include "shufflescope/base/error.h"

namespace shufflescope {

void checkParameters(const Network& network, const Parameters& parameters,
                     const std::string& context) {
    std::set<std::string> expected;
    for (const ParameterSpec& spec : network.parameterSpecs()) {
        expected.insert(spec.name);
        auto it = parameters.find(spec.name);
        if (it == parameters.end())
            throw Error(displayPath(context) + ": tensor '" + spec.name +
                        "' is missing (expected shape " + shapeToString(spec.shape) + " for " +
                        describe(network.config()) + ")");
        if (it->second.shape() != spec.shape)
            throw Error(displayPath(context) + ": tensor '" + spec.name + "' has shape " +
                        it->second.shapeString() + " but " + describe(network.config()) +
                        " expects " + shapeToString(spec.shape));
    }
    for (const auto& [name, tensor] : parameters)
        if (!expected.count(name))
            throw Error(displayPath(context) + ": tensor '" + name + "' " + tensor.shapeString() +
                        " is not part of " + describe(network.config()));
}

const Tensor& parameter(const Parameters& parameters, const std::string& name) {
    auto it = parameters.find(name);
    assert(it != parameters.end() && "checkParameters() should have run");
    return it->second;
}

}  // namespace shufflescope

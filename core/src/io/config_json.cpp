#include "shufflescope/io/config_json.h"

#include <cstdint>

#include "shufflescope/base/error.h"

namespace shufflescope {

using nlohmann::json;

json configToJson(const ModelConfig& c) {
    return json{{"preset", c.preset},           {"groups", c.groups},
                {"width_scale", c.widthScale},  {"shuffle", c.shuffle},
                {"in_channels", c.inChannels},  {"input_height", c.inputHeight},
                {"input_width", c.inputWidth},  {"classes", c.classes},
                {"stem", stemKindName(c.stem)}, {"group_first_pointwise", c.groupFirstPointwise}};
}

namespace {

// Fetches a required field of the expected JSON type or explains what is wrong with it.
const json& field(const json& object, const char* name, json::value_t type, const char* typeName,
                  const std::string& context) {
    auto it = object.find(name);
    if (it == object.end())
        throw Error(displayPath(context) + ": configuration field '" + name + "' is missing");
    const bool numberOk = type == json::value_t::number_float && it->is_number();
    const bool intOk = type == json::value_t::number_integer && it->is_number_integer();
    if (!(numberOk || intOk || it->type() == type))
        throw Error(displayPath(context) + ": configuration field '" + name + "' should be " +
                    typeName + ", found a " + it->type_name());
    // get<int>() would silently wrap a huge value into the valid range.
    if (intOk && (it->get<long long>() < INT32_MIN || it->get<long long>() > INT32_MAX ||
                  (it->is_number_unsigned() && it->get<unsigned long long>() > INT32_MAX)))
        throw Error(displayPath(context) + ": configuration field '" + name + "' is out of range");
    return *it;
}

}  // namespace

ModelConfig configFromJson(const json& j, const std::string& context) {
    if (!j.is_object()) throw Error(displayPath(context) + ": configuration is not a JSON object");
    using V = json::value_t;
    ModelConfig c;
    c.preset = field(j, "preset", V::string, "a string", context).get<std::string>();
    c.groups = field(j, "groups", V::number_integer, "an integer", context).get<int>();
    c.widthScale = field(j, "width_scale", V::number_float, "a number", context).get<double>();
    c.shuffle = field(j, "shuffle", V::boolean, "true or false", context).get<bool>();
    c.inChannels = field(j, "in_channels", V::number_integer, "an integer", context).get<int>();
    c.inputHeight = field(j, "input_height", V::number_integer, "an integer", context).get<int>();
    c.inputWidth = field(j, "input_width", V::number_integer, "an integer", context).get<int>();
    c.classes = field(j, "classes", V::number_integer, "an integer", context).get<int>();
    try {
        c.stem = parseStemKind(field(j, "stem", V::string, "a string", context).get<std::string>());
        c.groupFirstPointwise =
            field(j, "group_first_pointwise", V::boolean, "true or false", context).get<bool>();
        validateConfig(c);
    } catch (const Error& e) {
        const std::string what = e.what();
        if (what.rfind(displayPath(context) + ":", 0) == 0) throw;
        throw Error(displayPath(context) + ": configuration " + what);
    }
    return c;
}

}  // namespace shufflescope

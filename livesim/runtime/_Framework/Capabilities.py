"""``_Framework.Capabilities``: the keys and helpers of a script's ``get_capabilities()`` dict."""

GENERIC_SCRIPT_KEY = "generic_script"
PORTS_KEY = "ports"
CONTROLLER_ID_KEY = "controller_id"
TYPE_KEY = "surface_type"
FIRMWARE_KEY = "firmware_version"
AUTO_LOAD_KEY = "auto_load"
VENDORID = "vendor_id"
PRODUCTIDS = "product_ids"
MODEL_NAMES = "model_names"
DIRECTIONKEY = "direction"
PORTNAMEKEY = "name"
MACNAMEKEY = "mac_name"
PROPSKEY = "props"
HIDDEN = "hidden"
SYNC = "sync"
SCRIPT = "script"
NOTES_CC = "notes_cc"
REMOTE = "remote"
PLAIN_OLD_MIDI = "plain_old_midi"


def _port(direction, port_name, mac_name, props):
    return {DIRECTIONKEY: direction, PORTNAMEKEY: port_name, MACNAMEKEY: mac_name, PROPSKEY: list(props)}


def inport(port_name="", props=()):
    """Describe a MIDI input port."""
    return _port("in", port_name, None, props)


def outport(port_name="", props=()):
    """Describe a MIDI output port."""
    return _port("out", port_name, None, props)


def controller_id(vendor_id, product_ids, model_name):
    """Identify a controller by USB vendor/product ids and model name(s)."""
    if not isinstance(product_ids, list):
        product_ids = [product_ids]
    if not isinstance(model_name, list):
        model_name = [model_name]
    return {VENDORID: vendor_id, PRODUCTIDS: product_ids, MODEL_NAMES: model_name}

class Device:
    pass


class Sensor(Device):
    pass


class Thermo(Device, Sensor):
    pass

# The __name__ == "__main__" idiom.
def main():
    print("running main", __name__)
    return 0
if __name__ == "__main__":
    main()
print(__name__)

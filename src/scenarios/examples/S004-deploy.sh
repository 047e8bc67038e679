# S004-deploy: Deployment `super-front`: rejected as written; fixed, minReadySeconds 30 delays its availability
# zh: Deployment `super-front`：按原文被拒绝；修正后 minReadySeconds 30 推迟其可用
cat > deploy.yml <<EOF
apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  labels:
    app: super-front
    codename: k8s-playground
    project: k8s-playground
  name: super-front
  namespace: 【你的环境名】
spec:
  minReadySeconds: 30     # pod启动后，当liveness和readiness均为true之后，经过min ready seconds的时间后，则认为容器启动成功
  replicas: 1    # pod实例数。如果启用HPA，则以HPA预期实例数为准。
  selector:
    matchLabels:
      app: super-front
  strategy:
    rollingUpdate:
      maxSurge: 1    # 在滚动升级过程中，可超出预期 25% 向上取整replicas的pod个数。max unavailable和max surge不能同时为0，否则将无法滚动升级。
      maxUnavailable: 0   # 在滚动升级过程中，处于不可用状态的pod数的上限。max unavailable和max surge不能同时为0，否则将无法滚动升级。 理解有点选举里面的不可用，配置maxSurge要小，不要会更小 25%，向下取整
    type: RollingUpdate
  template:
    metadata:
      labels:
        app: super-front
        project: k8s-playground
    spec:
      containers:
      - env:   # 环境变量。key-value的形式。key需符合Linux环境变量名字要求
        - name: LANG
          value: en_US.UTF-8
        - name: LANGUAGE
          value: en_US:en
        - name: LC_ALL
          value: en_US.UTF-8
        image: nginx:latest
        imagePullPolicy: Always
        livenessProbe:   # container的生存状态探针。若该探针返回异常状态，则重启container。
          failureThreshold: 3
          initialDelaySeconds: 168   # container启动后，首次执行liveness probe的延迟时间
          periodSeconds: 20   # liveness probe执行周期时间
          successThreshold: 1
          tcpSocket:
            port: 80
          timeoutSeconds: 1
        name: super-front
        readinessProbe:   # container准备状态探针。若该探针返回异常状态，则认为container未准备好处理请求
          failureThreshold: 3
          httpGet: 
            path: /
            port: 80
            scheme: HTTP #提供header与get两种服务
          initialDelaySeconds: 11
          periodSeconds: 20
          successThreshold: 1
          timeoutSeconds: 1
        resources:
          limits:
            cpu: 10m    #container占用的cpu资源上限
            memory: 64Mi    #container占用的内存资源上限
          requests:
            cpu: 10m    #container预留的cpu资源
            memory: 64Mi   #container预留的内存资源
      dnsPolicy: Default
      restartPolicy: Always
EOF
# As written: extensions/v1beta1 no longer serves Deployments (removed in Kubernetes 1.16).
kubectl apply -f ./deploy.yml
# apps/v1, still with the placeholder namespace.
cat > deploy.yml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: super-front
    codename: k8s-playground
    project: k8s-playground
  name: super-front
  namespace: 【你的环境名】
spec:
  minReadySeconds: 30     # pod启动后，当liveness和readiness均为true之后，经过min ready seconds的时间后，则认为容器启动成功
  replicas: 1    # pod实例数。如果启用HPA，则以HPA预期实例数为准。
  selector:
    matchLabels:
      app: super-front
  strategy:
    rollingUpdate:
      maxSurge: 1    # 在滚动升级过程中，可超出预期 25% 向上取整replicas的pod个数。max unavailable和max surge不能同时为0，否则将无法滚动升级。
      maxUnavailable: 0   # 在滚动升级过程中，处于不可用状态的pod数的上限。max unavailable和max surge不能同时为0，否则将无法滚动升级。 理解有点选举里面的不可用，配置maxSurge要小，不要会更小 25%，向下取整
    type: RollingUpdate
  template:
    metadata:
      labels:
        app: super-front
        project: k8s-playground
    spec:
      containers:
      - env:   # 环境变量。key-value的形式。key需符合Linux环境变量名字要求
        - name: LANG
          value: en_US.UTF-8
        - name: LANGUAGE
          value: en_US:en
        - name: LC_ALL
          value: en_US.UTF-8
        image: nginx:latest
        imagePullPolicy: Always
        livenessProbe:   # container的生存状态探针。若该探针返回异常状态，则重启container。
          failureThreshold: 3
          initialDelaySeconds: 168   # container启动后，首次执行liveness probe的延迟时间
          periodSeconds: 20   # liveness probe执行周期时间
          successThreshold: 1
          tcpSocket:
            port: 80
          timeoutSeconds: 1
        name: super-front
        readinessProbe:   # container准备状态探针。若该探针返回异常状态，则认为container未准备好处理请求
          failureThreshold: 3
          httpGet: 
            path: /
            port: 80
            scheme: HTTP #提供header与get两种服务
          initialDelaySeconds: 11
          periodSeconds: 20
          successThreshold: 1
          timeoutSeconds: 1
        resources:
          limits:
            cpu: 10m    #container占用的cpu资源上限
            memory: 64Mi    #container占用的内存资源上限
          requests:
            cpu: 10m    #container预留的cpu资源
            memory: 64Mi   #container预留的内存资源
      dnsPolicy: Default
      restartPolicy: Always
EOF
kubectl apply -f ./deploy.yml
# Fixed: the seed's own commands use namespace pg-allen; it has to exist first.
kubectl create namespace pg-allen
cat > deploy.yml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: super-front
    codename: k8s-playground
    project: k8s-playground
  name: super-front
  namespace: pg-allen
spec:
  minReadySeconds: 30     # pod启动后，当liveness和readiness均为true之后，经过min ready seconds的时间后，则认为容器启动成功
  replicas: 1    # pod实例数。如果启用HPA，则以HPA预期实例数为准。
  selector:
    matchLabels:
      app: super-front
  strategy:
    rollingUpdate:
      maxSurge: 1    # 在滚动升级过程中，可超出预期 25% 向上取整replicas的pod个数。max unavailable和max surge不能同时为0，否则将无法滚动升级。
      maxUnavailable: 0   # 在滚动升级过程中，处于不可用状态的pod数的上限。max unavailable和max surge不能同时为0，否则将无法滚动升级。 理解有点选举里面的不可用，配置maxSurge要小，不要会更小 25%，向下取整
    type: RollingUpdate
  template:
    metadata:
      labels:
        app: super-front
        project: k8s-playground
    spec:
      containers:
      - env:   # 环境变量。key-value的形式。key需符合Linux环境变量名字要求
        - name: LANG
          value: en_US.UTF-8
        - name: LANGUAGE
          value: en_US:en
        - name: LC_ALL
          value: en_US.UTF-8
        image: nginx:latest
        imagePullPolicy: Always
        livenessProbe:   # container的生存状态探针。若该探针返回异常状态，则重启container。
          failureThreshold: 3
          initialDelaySeconds: 168   # container启动后，首次执行liveness probe的延迟时间
          periodSeconds: 20   # liveness probe执行周期时间
          successThreshold: 1
          tcpSocket:
            port: 80
          timeoutSeconds: 1
        name: super-front
        readinessProbe:   # container准备状态探针。若该探针返回异常状态，则认为container未准备好处理请求
          failureThreshold: 3
          httpGet: 
            path: /
            port: 80
            scheme: HTTP #提供header与get两种服务
          initialDelaySeconds: 11
          periodSeconds: 20
          successThreshold: 1
          timeoutSeconds: 1
        resources:
          limits:
            cpu: 10m    #container占用的cpu资源上限
            memory: 64Mi    #container占用的内存资源上限
          requests:
            cpu: 10m    #container预留的cpu资源
            memory: 64Mi   #container预留的内存资源
      dnsPolicy: Default
      restartPolicy: Always
EOF
kubectl apply -f ./deploy.yml
sleep 35
kubectl get deploy -n pg-allen
kubectl get po -n pg-allen -l app=super-front
sleep 30
kubectl get deploy -n pg-allen
kubectl describe deploy super-front -n pg-allen
# The seed's `kubectl get ... --export` is left out: kubectl 1.18 removed --export.
kubectl delete deploy super-front -n pg-allen
kubectl get deploy -n pg-allen
